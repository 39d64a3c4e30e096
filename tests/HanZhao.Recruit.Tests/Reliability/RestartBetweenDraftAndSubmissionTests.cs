using System.Net;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Tests.Apply;
using HanZhao.Recruit.Tests.Apply.SignIn;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Tests.Reliability;

/// <summary>
/// An applicant saves a draft, the app is killed and started again, and the applicant carries on.
/// "The sign-in link still valid" means two things here, and both are tested: the session cookie
/// issued by the emailed link (and the form the applicant had open, whose antiforgery token is
/// protected with the same keys) keeps working, and an emailed link not yet used still signs in,
/// once. Both depend on the Data Protection keys being in the database, not in the process.
/// </summary>
public sealed class RestartBetweenDraftAndSubmissionTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task After_a_SIGKILL_the_draft_its_documents_the_session_the_open_form_and_an_unused_sign_in_link_all_still_work()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using var site = await ProcessSite.StartAsync(new SmtpTestServer());
        output.WriteLine($"{clock.Elapsed}: started in {site.App.StartupTime}");
        const string email = "restart@example.edu";
        var browser = await site.SignedInBrowserAsync(email);
        var id = await browser.StartAsync(site.IntakeCode);
        foreach (var step in new[] { "route", "personal", "education" })
        {
            using var saved = await browser.SaveStepAsync(id, step, ApplicationFormSteps.ValidSteps[step]);
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var cv = ApplicationFormSteps.Pdf(300_000);
        using (var upload = await browser.UploadAsync(id, "Cv", cv, "cv.pdf"))
        {
            Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        }

        // The statement form is open in the browser when the server goes down.
        var openFormToken = await browser.GetAntiforgeryTokenAsync($"/apply/{id}/statement");
        // A second link, asked for on another device and not used yet.
        var unusedLink = await site.RequestLinkAsync(site.CreateBrowser(), email);
        var usedLink = SignInSteps.LinkIn((await site.Smtp.WaitForMessagesToAsync(email, 2))[0].TextBody);

        output.WriteLine($"{clock.Elapsed}: draft saved");
        await site.RestartAsync(kill: true);
        output.WriteLine($"{clock.Elapsed}: restarted in {site.App.StartupTime}");

        // The session: the draft's saved fields and the uploaded CV, byte for byte.
        var personal = await browser.GetAsync($"/apply/{id}/personal");
        Assert.Equal(HttpStatusCode.OK, personal.StatusCode);
        Assert.Contains("李明", await personal.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var education = await browser.GetStringAsync($"/apply/{id}/education");
        Assert.Contains("Huazhong University of Science and Technology", education, StringComparison.Ordinal);
        int cvId;
        await using (var db = site.CreateDbContext())
        {
            var draft = await db.Applications.Include(a => a.Documents).SingleAsync(a => a.Id == id);
            Assert.Equal(ApplicationStatus.Draft, draft.Status);
            cvId = Assert.Single(draft.Documents).Id;
        }

        Assert.Equal(cv, await browser.GetByteArrayAsync($"/applicant/documents/{cvId}"));

        // The form that was open before the restart posts after it.
        using (var content = new FormUrlEncodedContent(ApplicationFormSteps.ValidSteps["statement"]
            .Append(new("go", "next")).Append(new(HtmlForms.AntiforgeryField, openFormToken))))
        using (var statement = await browser.PostAsync($"/apply/{id}/statement", content))
        {
            Assert.Equal(HttpStatusCode.Redirect, statement.StatusCode);
        }

        // The unused link signs another browser in as the same applicant, who sees the same draft.
        var other = site.CreateBrowser();
        using (var confirm = await other.UseLinkAsync(unusedLink))
        {
            Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        }

        Assert.Contains("李明", await other.GetStringAsync($"/apply/{id}/personal"), StringComparison.Ordinal);
        // Still one-time: the link used before the restart does not sign in after it.
        using (var reused = await site.CreateBrowser().UseLinkAsync(usedLink))
        {
            Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        }

        // The applicant finishes and submits in the session that began before the restart.
        await using (var db = site.CreateDbContext())
        {
            var interest = await ApplicationFormSteps.FirstResearchInterestAsync(db);
            using var choice = await browser.SaveStepAsync(id, "choice", ApplicationFormSteps.ValidSteps["choice"]
                .Append(new("ResearchInterestIds", interest.ToString(System.Globalization.CultureInfo.InvariantCulture))));
            Assert.Equal(HttpStatusCode.Redirect, choice.StatusCode);
        }

        foreach (var step in new[] { "experience", "english" })
        {
            using var saved = await browser.SaveStepAsync(id, step, ApplicationFormSteps.ValidSteps[step]);
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        using (var transcript = await browser.UploadAsync(id, "Transcript", ApplicationFormSteps.Pdf(5000), "transcript.pdf"))
        {
            Assert.Equal(HttpStatusCode.Redirect, transcript.StatusCode);
        }

        // The route chosen before the restart (直博) asks for a ranking certificate as well.
        using (var ranking = await browser.UploadAsync(id, "RankingCertificate", ApplicationFormSteps.Pdf(3000), "ranking.pdf"))
        {
            Assert.Equal(HttpStatusCode.Redirect, ranking.StatusCode);
        }

        using (var submit = await browser.SubmitAsync(id))
        {
            Assert.Equal(HttpStatusCode.Redirect, submit.StatusCode);
        }

        output.WriteLine($"{clock.Elapsed}: submitted");
        await site.Smtp.WaitForMessagesAsync(
            m => m.To.Mailboxes.Any(x => x.Address == email) && (m.Subject ?? "").StartsWith("Application received", StringComparison.Ordinal));
        await using (var db = site.CreateDbContext())
        {
            var submitted = await db.Applications.Include(a => a.Documents).ThenInclude(d => d.Content).SingleAsync(a => a.Id == id);
            Assert.Equal(ApplicationStatus.Submitted, submitted.Status);
            Assert.Equal(cv, submitted.Documents.Single(d => d.Kind == DocumentKind.Cv).Content!.Bytes);
        }
    }
}
