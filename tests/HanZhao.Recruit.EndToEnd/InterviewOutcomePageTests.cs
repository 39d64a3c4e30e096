using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Interviews;
using Microsoft.EntityFrameworkCore;
using Verdict = HanZhao.Recruit.Data.Interviews.InterviewOutcome;

namespace HanZhao.Recruit.EndToEnd;

/// <summary>
/// The interview panel on the reader in a browser: a demo application with an interview that began
/// an hour ago, the outcome form with the interview's rubric, recorded with the keyboard-free clicks a
/// professor makes and saved without a page load; screenshots at 1,280 and 360 px, axe-core and the
/// width checks.
/// </summary>
public class InterviewOutcomePageTests(DemoApp app, BrowserFixture browser) : IClassFixture<DemoApp>, IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(1280, "en")]
    [InlineData(360, "zh-CN")]
    public async Task The_professor_records_the_outcome_on_the_reader_without_a_reload_and_the_panel_is_accessible(int width, string culture)
    {
        // Signed in first: that starts the app and its demo data.
        var page = await SignedInPageAsync(width);
        var applicationId = await InterviewedApplicationAsync(width);
        await page.GotoAsync($"/review/applications/{applicationId}?culture={culture}");
        var panel = page.Locator("#interview");
        await panel.WaitForAsync();
        Assert.Equal("Booked", await panel.GetAttributeAsync("data-interview-state"));

        // Every level described, open for the picture.
        foreach (var details in await panel.Locator("details.rubric-levels").AllAsync())
        {
            await details.Locator("summary").ClickAsync();
        }

        await panel.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.TestOutput("screenshots"), $"interview-panel-{width}.png") });
        Assert.True(await page.FitsViewportWidthAsync(), "the reader with the interview panel scrolls sideways");
        // Nothing in the panel is wider than the panel (at 1,280 px it is a 21rem column that would clip it).
        var wider = await page.EvaluateAsync<string[]>(
            "() => { const p = document.getElementById('interview').getBoundingClientRect(); return [...document.querySelectorAll('#interview *')]"
            + ".filter(e => e.getBoundingClientRect().right > p.right + 1).slice(0, 8).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().width) + '/' + Math.round(p.width)); }");
        Assert.True(wider.Length == 0, "wider than the interview panel: " + string.Join("; ", wider));
        var panelWidths = await page.EvaluateAsync<int[]>("() => { const p = document.getElementById('reader-panel'); return [p.scrollWidth, p.clientWidth, Math.round(document.getElementById('interview').getBoundingClientRect().width)]; }");
        var children = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('#reader-panel > *, #interview form > *, #interview > *')].map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().width) + ' min ' + (() => { const w = e.style.width; e.style.width = 'min-content'; const m = Math.round(e.getBoundingClientRect().width); e.style.width = w; return m; })())");
        Assert.True(panelWidths[0] <= panelWidths[1], $"the reader's panel scrolls sideways: {string.Join('/', panelWidths)}: {string.Join("; ", children)}");
        var violations = await page.AccessibilityViolationsAsync();
        Assert.True(violations.Count == 0, string.Join("\n", violations));

        // The panel as served (the form included) is valid HTML, checked on its own: the scorecard beside it has findings
        // of its own once several reviewers scored (its table's region is named like its section).
        var served = await (await page.Context.APIRequest.GetAsync(page.Url)).TextAsync();
        var start = served.IndexOf("<section id=\"interview\"", StringComparison.Ordinal);
        var section = served[start..(served.IndexOf("</section>", start, StringComparison.Ordinal) + "</section>".Length)];
        var markup = await PageChecks.MarkupErrorsAsync(
            [("interview-panel", $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Interview</title></head><body><main>{section}</main></body></html>")]);
        Assert.True(markup.Count == 0, string.Join("\n", markup));

        var loads = 0;
        page.Load += (_, _) => loads++;
        await panel.Locator("input[name=Outcome][value=Passed]").CheckAsync();
        foreach (var (field, value) in new[] { ("Knowledge", "4"), ("Research", "5"), ("Communication", "4") })
        {
            await panel.Locator($"input[name={field}][value='{value}']").CheckAsync();
        }

        await panel.Locator("#f-interview-notes").FillAsync("Clear on robustness; 动机明确。");
        await panel.Locator("button[type=submit]").ClickAsync();
        await page.Locator("#interview [data-interview-outcome=Passed]").WaitForAsync();

        Assert.Equal(0, loads);
        Assert.Contains("4.3", await page.Locator("#interview [data-interview-outcome]").InnerTextAsync(), StringComparison.Ordinal);
        if (width == 1280)
        {
            await page.ScreenshotAsync($"interview-reader-{width}");
            await page.Locator("#reader-panel").ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.TestOutput("screenshots"), $"interview-reader-{width}-panel.png") });
        }

        await using var db = app.CreateDbContext();
        var invitation = await db.InterviewInvitations.SingleAsync(i => i.ApplicationId == applicationId);
        Assert.Equal(Verdict.Passed, invitation.Outcome);
        Assert.Null(invitation.RatingMotivation);
    }

    /// <summary>A demo application of its own per width, invited, with a booked slot that began an hour ago.</summary>
    private async Task<int> InterviewedApplicationAsync(int width)
    {
        var now = app.Clock.GetUtcNow().UtcDateTime;
        await using var db = app.CreateDbContext();
        var application = await db.Applications.Where(a => a.Status == ApplicationStatus.Interview || a.Status == ApplicationStatus.UnderReview)
            .OrderBy(a => a.Id).Skip(width == 1280 ? 0 : 1).FirstAsync();
        var professor = await db.Users.Where(u => u.Email == DemoApp.ProfessorEmail).Select(u => u.Id).SingleAsync();
        db.InterviewInvitations.Add(new InterviewInvitation
        {
            ApplicationId = application.Id, IntakeId = application.IntakeId, InvitedById = professor, InvitedAtUtc = now.AddDays(-4),
            CalendarUid = $"interview-{application.Id}@hanzhao.test",
        });
        var slot = new InterviewSlot
        {
            IntakeId = application.IntakeId, StartsAtUtc = now.AddHours(-1), LengthMinutes = 30, Mode = InterviewMode.Online,
            Location = "https://meeting.tencent.com/dm/7Hd2kQ9xLmPz", Capacity = 1, CreatedAtUtc = now.AddDays(-5),
        };
        db.InterviewSlots.Add(slot);
        await db.SaveChangesAsync();
        db.InterviewBookings.Add(new InterviewBooking { ApplicationId = application.Id, SlotId = slot.Id, Seat = 1, BookedAtUtc = now.AddDays(-3) });
        await db.SaveChangesAsync();
        return application.Id;
    }

    private async Task<IPage> SignedInPageAsync(int width)
    {
        var page = await browser.NewPageAsync(app.ServerAddress, width);
        await page.GotoAsync("/review?culture=en");
        await page.GetByLabel("Email address").FillAsync(DemoApp.ProfessorEmail);
        await page.GetByLabel("Password").FillAsync(DemoApp.ProfessorPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        return page;
    }
}
