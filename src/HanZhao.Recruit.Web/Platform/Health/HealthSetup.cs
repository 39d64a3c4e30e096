using System.Text.Json;
using HanZhao.Recruit.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HanZhao.Recruit.Web.Platform.Health;

/// <summary>
/// <c>/health/live</c>: the process answers. <c>/health/ready</c>: the database opens and holds
/// our schema, so a load balancer or compose waits for migrations.
/// </summary>
public static class HealthSetup
{
    private const string ReadyTag = "ready";

    public static IServiceCollection AddRecruitHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddDbContextCheck<RecruitDbContext>(
            "database",
            tags: [ReadyTag],
            // A real query on a seeded table: an unreadable or unmigrated file fails it.
            customTestQuery: (db, cancellationToken) => db.Roles.AnyAsync(cancellationToken));
        return services;
    }

    public static IEndpointRouteBuilder MapRecruitHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions
        {
            Predicate = _ => false,
            ResponseWriter = WriteStatusAsync,
        });
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = WriteStatusAsync,
        });
        return endpoints;
    }

    // Names and states only: exception text stays in the log, not on a public endpoint.
    private static Task WriteStatusAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(context.Response.Body, new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(entry => entry.Key, entry => entry.Value.Status.ToString()),
        }, cancellationToken: context.RequestAborted);
    }
}
