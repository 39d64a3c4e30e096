using System.Net;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Web.Notifications;
using HanZhao.Recruit.Web.Platform.Jobs;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace HanZhao.Recruit.Tests.Notifications;

/// <summary>The app as it runs in production: job server on, dashboard at /admin/jobs.</summary>
public class JobDashboardTests(RecruitAppFactory app) : IClassFixture<RecruitAppFactory>
{
    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_sign_in()
    {
        using var client = app.CreateHttpsClient();

        using var response = await client.GetAsync("/admin/jobs");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/signin", response.Headers.Location?.AbsolutePath);
        Assert.Contains("ReturnUrl=%2Fadmin%2Fjobs", response.Headers.Location?.Query, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Reviewer)]
    [InlineData(Roles.Applicant)]
    public async Task A_signed_in_user_who_is_not_the_professor_is_refused(string role)
    {
        using var client = await SignedInClientAsync(role);

        using var response = await client.GetAsync("/admin/jobs");
        using var page = await client.GetAsync(response.Headers.Location);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/error/403", response.Headers.Location?.AbsolutePath);
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
    }

    [Fact]
    public async Task The_professor_sees_the_dashboard_with_inline_styles_allowed_there_and_no_inline_scripts()
    {
        using var client = await SignedInClientAsync(Roles.Professor);

        using var response = await client.GetAsync("/admin/jobs/recurring");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(OutboxDispatcher.SweeperJobId, html, StringComparison.Ordinal);
        Assert.Contains(DailyDigest.JobId, html, StringComparison.Ordinal);
        Assert.DoesNotContain("Data Source=", html, StringComparison.OrdinalIgnoreCase);
        // Hangfire colours job states with style attributes; scripts stay external only.
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("style-src 'self' 'unsafe-inline'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sweeper_runs_every_minute_and_the_digest_at_eight_in_Shanghai()
    {
        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();
        var jobs = connection.GetRecurringJobs().ToDictionary(job => job.Id);

        Assert.Equal(Cron.Minutely(), jobs[OutboxDispatcher.SweeperJobId].Cron);
        Assert.Equal("0 8 * * *", jobs[DailyDigest.JobId].Cron);
        Assert.Equal("Asia/Shanghai", jobs[DailyDigest.JobId].TimeZoneId);
    }

    [Fact]
    public async Task The_dashboard_policy_admits_the_professor_role_only()
    {
        var policy = await app.Services.GetRequiredService<Microsoft.AspNetCore.Authorization.IAuthorizationPolicyProvider>()
            .GetPolicyAsync(JobsSetup.DashboardPolicy);

        var roles = Assert.Single(policy!.Requirements.OfType<Microsoft.AspNetCore.Authorization.Infrastructure.RolesAuthorizationRequirement>());
        Assert.Equal([Roles.Professor], roles.AllowedRoles);
    }

    private Task<HttpClient> SignedInClientAsync(string role) => app.CreateClientSignedInAsync(role);
}
