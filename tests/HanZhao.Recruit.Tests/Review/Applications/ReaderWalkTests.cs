using System.Globalization;
using System.Security.Claims;
using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Data.Intakes;
using HanZhao.Recruit.Tests.Review.Dashboard;
using HanZhao.Recruit.Web.Platform.Queries;
using HanZhao.Recruit.Web.Review.Applications;
using HanZhao.Recruit.Web.Review.Dashboard;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HanZhao.Recruit.Tests.Review.Applications;

/// <summary>The app with a few hundred applications, recording its SQL.</summary>
public sealed class WalkAppFactory : RecruitAppFactory, IAsyncLifetime
{
    public const int Count = 240;

    public CommandLog Commands { get; } = new();

    public RecruitUser Professor { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Professor = await this.CreateUserAsync(Roles.Professor);
        await using var db = CreateDbContext();
        var intake = await db.Intakes.OrderBy(i => i.Code).FirstAsync();
        var created = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var n = 0; n < Count / 2; n++)
        {
            var applicant = new RecruitUser { UserName = $"walk-{n}@example.com", Email = $"walk-{n}@example.com", CreatedAtUtc = created };
            db.Users.Add(applicant);
            foreach (var program in new[] { StudyPrograms.PhD, StudyPrograms.Master })
            {
                var number = (2 * n) + (program == StudyPrograms.PhD ? 0 : 1);
                db.Applications.Add(new Application
                {
                    ApplicantId = applicant.Id,
                    IntakeId = intake.Id,
                    Program = program,
                    Status = ApplicationStatus.Submitted,
                    ReferenceNumber = string.Create(CultureInfo.InvariantCulture, $"HZ-WALK-{number:00000}"),
                    // Names repeat (ties broken by id) and submissions share minutes, as real lists do.
                    FullName = string.Create(CultureInfo.InvariantCulture, $"Walker {number * 7 % 50:00}"),
                    CreatedAtUtc = created,
                    UpdatedAtUtc = created,
                    SubmittedAtUtc = created.AddMinutes(number * 13 % 90),
                });
            }
        }

        await db.SaveChangesAsync();
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.ConfigureDbContext<RecruitDbContext>(options => options.AddInterceptors(Commands)));
    }
}

/// <summary>
/// Previous/next on the reader walk a long list without reading all of it: from the first row,
/// "next" visits every application exactly once in the list's order, and no query of the walk
/// returns more than three pages of rows.
/// </summary>
public class ReaderWalkTests(WalkAppFactory app) : IClassFixture<WalkAppFactory>
{
    private const int PageSize = 20;

    [Theory]
    [InlineData("sort=name")]
    [InlineData("sort=submitted&dir=asc")]
    public async Task Next_visits_each_application_once_in_the_list_order_reading_at_most_three_pages(string list)
    {
        var query = $"{list}&size={PageSize}";
        var user = Principal();
        var expected = await ExpectedOrderAsync(list);
        Assert.Equal(WalkAppFactory.Count, expected.Count);

        var visited = new List<int>();
        var largest = 0;
        var url = $"/review/applications/{expected[0]}?{query}";
        for (var step = 0; step <= WalkAppFactory.Count && url.StartsWith("/review/applications/", StringComparison.Ordinal); step++)
        {
            var (id, state) = Parse(url);
            visited.Add(id);
            app.Commands.Clear();
            app.Commands.Recording = true;
            await using (var scope = app.Services.CreateAsyncScope())
            {
                url = await scope.ServiceProvider.GetRequiredService<ApplicationReview>().NextUrlAsync(user, id, QueryText.Read<DashboardQuery>(state), CancellationToken.None);
            }

            app.Commands.Recording = false;
            largest = Math.Max(largest, await LargestResultAsync());
        }

        Assert.Equal(expected, visited);
        Assert.StartsWith("/review?", url, StringComparison.Ordinal);
        Assert.True(largest <= 3 * PageSize, $"a query of the walk returned {largest} rows of {WalkAppFactory.Count}");
    }

    /// <summary>The dashboard's own order, from its query (as the list shows it page after page).</summary>
    private async Task<List<int>> ExpectedOrderAsync(string list)
    {
        await using var db = app.CreateDbContext();
        var all = await db.Applications.AsNoTracking().Where(a => a.Status != ApplicationStatus.Draft)
            .Select(a => new { a.Id, a.FullName, a.SubmittedAtUtc }).ToListAsync();
        return list.Contains("name", StringComparison.Ordinal)
            ? [.. all.OrderBy(a => a.FullName, StringComparer.Ordinal).ThenBy(a => a.Id).Select(a => a.Id)]
            : [.. all.OrderBy(a => a.SubmittedAtUtc).ThenBy(a => a.Id).Select(a => a.Id)];
    }

    /// <summary>The most rows any recorded query on the applications table returns, run again as it was.</summary>
    private async Task<int> LargestResultAsync()
    {
        var largest = 0;
        await using var connection = new SqliteConnection(app.SqliteConnectionString);
        await connection.OpenAsync();
        foreach (var command in app.Commands.Taken.Where(c => c.Sql.Contains("\"Applications\"", StringComparison.Ordinal)))
        {
            await using var again = connection.CreateCommand();
            again.CommandText = command.Sql;
            foreach (var (name, value) in command.Parameters)
            {
                again.Parameters.AddWithValue(name, value ?? DBNull.Value);
            }

            var rows = 0;
            await using var reader = await again.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows++;
            }

            largest = Math.Max(largest, rows);
        }

        return largest;
    }

    private static (int Id, string Query) Parse(string url)
    {
        var path = url.Split('?', 2);
        return (int.Parse(path[0]["/review/applications/".Length..], CultureInfo.InvariantCulture), path.Length > 1 ? path[1] : string.Empty);
    }

    private ClaimsPrincipal Principal() => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, app.Professor.Id), new Claim(ClaimTypes.Role, Roles.Professor)], "test"));
}
