using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Data.Intakes;
using HanZhao.Recruit.Web.Platform.Caching;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HanZhao.Recruit.Tests.PublicSite;

/// <summary>
/// "Interested in this direction? We are recruiting …" beside the homepage's research interests and
/// on every publication page while an intake is open, from the intake's data; gone as soon as the
/// professor closes it, even from pages cached before, and back when it reopens.
/// </summary>
public class JoinLineTests(RecruitAppFactory app) : IClassFixture<RecruitAppFactory>
{
    private const string Line = "data-join-line=";

    [Fact]
    public async Task The_join_line_follows_the_intake_as_the_professor_closes_and_reopens_it_with_no_stale_cached_page()
    {
        app.Clock.Freeze(TestClock.Spring2026);
        app.StartServer();
        int intakeId;
        string slug;
        await using (var db = app.CreateDbContext())
        {
            intakeId = (await db.Intakes.SingleAsync(i => i.Code == "2026.09")).Id;
            slug = (await db.Publications.OrderBy(p => p.Id).FirstAsync()).Slug;
        }

        using var visitor = app.CreateHttpsClient();
        using var professor = await app.CreateClientSignedInAsync(Roles.Professor);
        var publication = "/publications/" + slug;

        var home = PageText.Of(await visitor.GetStringAsync("/"));
        Assert.Contains("Interested in this direction? We are recruiting PhD and Master students for 2026.09.", home, StringComparison.Ordinal);
        Assert.Contains("Interested in this direction? We are recruiting PhD and Master students for 2026.09.", PageText.Of(await visitor.GetStringAsync(publication)), StringComparison.Ordinal);
        Assert.Contains("对这个方向感兴趣？ 我们正在招收 2026.09 入学的博士和硕士研究生。", PageText.Of(await visitor.GetStringAsync(publication + "?culture=zh-CN")), StringComparison.Ordinal);

        using (var close = await professor.PostFormAsync("/review/settings/intakes", $"/review/settings/intakes/{intakeId}/close", []))
        {
            await close.AssertStatusAsync(System.Net.HttpStatusCode.Redirect);
        }

        // Both pages were cached with the line: closing the intake evicted them.
        Assert.DoesNotContain(Line, await visitor.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.DoesNotContain(Line, await visitor.GetStringAsync(publication), StringComparison.Ordinal);

        using (var reopen = await professor.PostFormAsync("/review/settings/intakes", $"/review/settings/intakes/{intakeId}/open", []))
        {
            await reopen.AssertStatusAsync(System.Net.HttpStatusCode.Redirect);
        }

        Assert.Contains(Line + "\"open\"", await visitor.GetStringAsync(publication), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_none_open_but_one_upcoming_the_line_offers_the_registration_of_interest()
    {
        app.Clock.Freeze(TestClock.Spring2026);
        app.StartServer();
        await using (var db = app.CreateDbContext())
        {
            // Earlier in this class the seeded intake may be open: this test closes everything but its own upcoming one.
            foreach (var intake in await db.Intakes.ToListAsync())
            {
                (intake.IsOpen, intake.ClosedAtUtc) = (false, TestClock.Spring2026.UtcDateTime.AddDays(-1));
            }

            db.Intakes.Add(new Intake
            {
                Code = "2041.09", EnrollmentDate = new DateOnly(2041, 9, 1), Programs = StudyPrograms.PhD, IsOpen = true,
                OpensAtUtc = new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            });
            await db.SaveChangesAsync();
        }

        var cache = app.Services.GetRequiredService<IOutputCacheStore>();
        await cache.EvictPublicPagesAsync();
        try
        {
            using var visitor = app.CreateHttpsClient();

            var home = await visitor.GetStringAsync("/?upcoming=1");
            Assert.Contains(Line + "\"upcoming\"", home, StringComparison.Ordinal);
            Assert.Contains("The 2041.09 intake is not open yet: register your interest.", PageText.Of(home), StringComparison.Ordinal);
            Assert.Contains("href=\"/join/interest\"", home, StringComparison.Ordinal);
        }
        finally
        {
            // The other test of this class starts from the seed's open 2026.09.
            await using var db = app.CreateDbContext();
            await db.Intakes.Where(i => i.Code == "2041.09").ExecuteDeleteAsync();
            await db.Intakes.Where(i => i.Code == "2026.09").ExecuteUpdateAsync(s => s.SetProperty(i => i.IsOpen, true).SetProperty(i => i.ClosedAtUtc, (DateTime?)null));
            await cache.EvictPublicPagesAsync();
        }
    }
}
