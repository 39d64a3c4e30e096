using System.Net;
using System.Text.RegularExpressions;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Intakes;
using HanZhao.Recruit.Tests.PublicSite;
using HanZhao.Recruit.Web.Apply;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Tests.Apply;

public class ApplicationFormTests(ApplicationFormApp app) : IClassFixture<ApplicationFormApp>
{
    private static string NewEmail() => $"student-{Guid.NewGuid():N}@example.edu";

    private async Task<(HttpClient Client, int Id)> DraftAsync()
    {
        var client = await app.SignedInApplicantAsync(NewEmail());
        return (client, await client.StartAsync());
    }

    private async Task<(int Emails, int Documents, int Applications, DateTime? Updated)> StateAsync(int id)
    {
        await using var db = app.CreateDbContext();
        return (await db.EmailMessages.CountAsync(m => m.Kind != "SignInLink"),
            await db.ApplicationDocuments.CountAsync(d => d.ApplicationId == id),
            await db.Applications.CountAsync(),
            (await db.Applications.AsNoTracking().SingleAsync(a => a.Id == id)).UpdatedAtUtc);
    }

    [Fact]
    public async Task An_applicant_fills_every_step_uploads_the_documents_of_the_route_and_submits_with_a_reference_number_and_two_emails()
    {
        var email = NewEmail();
        using var client = await app.SignedInApplicantAsync(email);
        var id = await client.FillCompleteApplicationAsync(app);

        using var submit = await client.SubmitAsync(id);

        Assert.Equal(HttpStatusCode.Redirect, submit.StatusCode);
        var page = await client.GetTextAsync(submit.Headers.Location!.OriginalString);
        var reference = Regex.Match(page, @"HZ-2026-\d{5}").Value;
        Assert.Equal($"HZ-2026-{id:D5}", reference);
        var application = await ApplicationFormSteps.LoadAsync(app, id);
        Assert.Equal(ApplicationStatus.Submitted, application.Status);
        Assert.Equal(reference, application.ReferenceNumber);
        Assert.NotNull(application.ConsentedAtUtc);
        Assert.Equal(3, application.Documents.Count); // CV, transcript and the ranking certificate 直博 asks for
        Assert.Contains(application.StatusHistory, c => c is { From: ApplicationStatus.Draft, To: ApplicationStatus.Submitted });
        await using var db = app.CreateDbContext();
        var confirmation = await db.EmailMessages.SingleAsync(m => m.Kind == "SubmissionReceived" && m.ToAddress == email);
        Assert.Contains(reference, confirmation.Subject, StringComparison.Ordinal);
        Assert.Contains(reference, confirmation.TextBody, StringComparison.Ordinal);
        Assert.Contains(reference, confirmation.HtmlBody, StringComparison.Ordinal);
        var alert = await db.EmailMessages.SingleAsync(m => m.Kind == "NewApplication" && m.ApplicationId == id);
        Assert.Equal(ApplicationFormApp.ProfessorEmail, alert.ToAddress);
        Assert.Equal(email, alert.ReplyTo); // the professor's "Reply" writes to the applicant
        Assert.Contains("Li Ming", alert.TextBody, StringComparison.Ordinal);
        Assert.Contains("Huazhong University of Science and Technology", alert.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/review/applications/{id}", alert.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_confirmation_is_written_in_the_language_the_applicant_used()
    {
        var email = NewEmail();
        using var client = await app.SignedInApplicantAsync(email);
        var id = await client.FillCompleteApplicationAsync(app);
        await client.GetAsync("/?culture=zh-CN");

        using var submit = await client.SubmitAsync(id);

        Assert.Equal(HttpStatusCode.Redirect, submit.StatusCode);
        await using var db = app.CreateDbContext();
        var confirmation = await db.EmailMessages.SingleAsync(m => m.Kind == "SubmissionReceived" && m.ToAddress == email);
        Assert.Equal("zh-CN", confirmation.Culture);
        Assert.StartsWith("申请已收到", confirmation.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Starting_again_continues_the_same_application()
    {
        var (client, id) = await DraftAsync();
        using var _ = client;

        Assert.Equal(id, await client.StartAsync());
        Assert.NotEqual(id, await client.StartAsync("2026.09", "Master"));
    }

    [Theory]
    [InlineData("2019.09", "PhD", "not open")]
    [InlineData("2026.09", "Postdoc", "does not offer that program")]
    [InlineData("2026.09", "None", "does not offer that program")]
    [InlineData("<script>", "PhD", "not open")]
    public async Task An_unknown_intake_or_program_is_refused_with_a_message(string intake, string program, string message)
    {
        using var client = await app.SignedInApplicantAsync(NewEmail());
        await using var db = app.CreateDbContext();
        var before = await db.Applications.CountAsync();

        using var response = await client.GetAsync($"/apply?intake={Uri.EscapeDataString(intake)}&program={program}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, PageText.Of(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(before, await db.Applications.CountAsync());
    }

    [Fact]
    public async Task A_closed_intake_and_a_program_it_does_not_offer_are_refused()
    {
        await using (var db = app.CreateDbContext())
        {
            db.Intakes.Add(new Intake { Code = "2027.09", EnrollmentDate = new DateOnly(2027, 9, 1), Programs = StudyPrograms.PhD, IsOpen = true });
            db.Intakes.Add(new Intake { Code = "2028.09", EnrollmentDate = new DateOnly(2028, 9, 1), Programs = StudyPrograms.PhD | StudyPrograms.Master, IsOpen = false });
            await db.SaveChangesAsync();
        }

        using var client = await app.SignedInApplicantAsync(NewEmail());

        using var notOffered = await client.GetAsync("/apply?intake=2027.09&program=Master");
        using var closed = await client.GetAsync("/apply?intake=2028.09&program=PhD");

        Assert.Equal(HttpStatusCode.BadRequest, notOffered.StatusCode);
        Assert.Contains("does not offer that program", PageText.Of(await notOffered.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, closed.StatusCode);
        Assert.Contains("not open for applications", PageText.Of(await closed.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_required_fields_come_back_with_messages_and_what_was_typed()
    {
        var (client, id) = await DraftAsync();
        using var _ = client;
        var before = await StateAsync(id);

        using var response = await client.SaveStepAsync(id, "personal", [new("FullName", ""), new("ChineseName", "李明"), new("Phone", "")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Enter your full name.", html, StringComparison.Ordinal);
        Assert.Contains("Enter your phone number.", html, StringComparison.Ordinal);
        Assert.Contains("value=\"李明\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await StateAsync(id));
    }

    [Fact]
    public async Task Validation_messages_are_in_the_applicants_language()
    {
        var (client, id) = await DraftAsync();
        using var _ = client;
        await client.GetAsync("/?culture=zh-CN");

        using var response = await client.SaveStepAsync(id, "personal", [new("FullName", ""), new("Phone", "not a phone")]);

        var text = PageText.Of(await response.Content.ReadAsStringAsync());
        Assert.Contains("请输入你的姓名。", text, StringComparison.Ordinal);
        Assert.Contains("请输入电话号码", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("personal", "FullName")]
    [InlineData("personal", "Phone")]
    [InlineData("education", "Institution")]
    [InlineData("education", "Major")]
    [InlineData("experience", "ResearchExperience")]
    [InlineData("statement", "Statement")]
    [InlineData("choice", "OtherInterests")]
    public async Task A_twenty_thousand_character_field_is_refused_and_nothing_is_saved(string step, string field)
    {
        var (client, id) = await DraftAsync();
        using var _ = client;
        var before = await StateAsync(id);

        using var response = await client.SaveStepAsync(id, step, [new(field, new string('a', 20_000))], go: "save");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("can have at most", PageText.Of(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(before, await StateAsync(id));
    }

    [Theory]
    [InlineData("Li\r\nBcc: victim@example.com")]
    [InlineData("Li\nMing")]
    public async Task A_line_break_or_control_character_in_the_name_is_refused(string name)
    {
        var (client, id) = await DraftAsync();
        using var _ = client;
        var before = await StateAsync(id);

        using var response = await client.SaveStepAsync(id, "personal", [new("FullName", name), new("Phone", "123456")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("must be on one line", PageText.Of(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(before, await StateAsync(id));
    }

    [Fact]
    public async Task A_statement_over_1500_words_is_refused()
    {
        var (client, id) = await DraftAsync();
        using var _ = client;

        using var response = await client.SaveStepAsync(id, "statement", [new("Statement", string.Join(' ', Enumerable.Repeat("word", 1501)))]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at most 1,500 words", PageText.Of(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Gpa", "4.5", "GpaScale", "4", "cannot be above its scale")]
    [InlineData("Gpa", "-1", "GpaScale", "4", "must be between")]
    [InlineData("Gpa", "abc", "GpaScale", "4", "GPA")]
    [InlineData("ExpectedGraduation", "2026-13", "Gpa", "3", "YYYY-MM")]
    public async Task Education_values_out_of_range_are_refused(string field, string value, string otherField, string otherValue, string message)
    {
        var (client, id) = await DraftAsync();
        using var _ = client;

        using var response = await client.SaveStepAsync(id, "education", [new(field, value), new(otherField, otherValue)], go: "save");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, PageText.Of(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("999999")]
    [InlineData("-1")]
    public async Task An_interest_that_is_not_the_professors_is_refused(string interestId)
    {
        var (client, id) = await DraftAsync();
        using var _ = client;

        using var response = await client.SaveStepAsync(id, "choice", [new("ResearchInterestIds", interestId)]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Pick research interests from the list.", PageText.Of(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Script_typed_into_every_text_field_is_stored_as_text_and_shown_encoded_everywhere()
    {
        const string Script = "<script>alert(1)</script>";
        var email = NewEmail();
        using var client = await app.SignedInApplicantAsync(email);
        var id = await client.FillCompleteApplicationAsync(app);
        foreach (var (step, fields) in ApplicationFormSteps.ValidSteps.Where(s => s.Key != "choice"))
        {
            // Text fields only: numbers, dates and choices have their own tests (NumberFieldTests, RouteStepTests).
            var hostile = fields.Select(f => f.Key is "Gpa" or "GpaScale" or "RankPosition" or "CohortSize" or "ExpectedGraduation" or "EnglishTest"
                or "EnglishScore" or "Phone" or "Route" or "RecommendationEligibility" or "OfficialStepExpectedOn"
                ? f : new KeyValuePair<string, string>(f.Key, Script + f.Value));
            using var saved = await client.SaveStepAsync(id, step, hostile, go: "save");
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var review = await client.GetStringAsync($"/apply/{id}/review");
        using var submit = await client.SubmitAsync(id);

        Assert.DoesNotContain(Script, review, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;Li Ming", review, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, submit.StatusCode);
        await using var db = app.CreateDbContext();
        foreach (var message in await db.EmailMessages.Where(m => m.ApplicationId == id).ToListAsync())
        {
            Assert.DoesNotContain(Script, message.HtmlBody, StringComparison.Ordinal);
            Assert.Contains("&lt;script&gt;", message.HtmlBody, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Autosave_keeps_a_partial_draft_and_refuses_bad_values()
    {
        var (client, id) = await DraftAsync();
        using var _ = client;
        var token = await client.GetAntiforgeryTokenAsync($"/apply/{id}/personal");

        using var good = new HttpRequestMessage(HttpMethod.Post, $"/apply/{id}/personal")
        {
            Content = new FormUrlEncodedContent([new("FullName", "Li"), new(HtmlForms.AntiforgeryField, token)]),
        };
        good.Headers.Add("X-Autosave", "1");
        using var bad = new HttpRequestMessage(HttpMethod.Post, $"/apply/{id}/personal")
        {
            Content = new FormUrlEncodedContent([new("FullName", "Li\r\nMing"), new(HtmlForms.AntiforgeryField, token)]),
        };
        bad.Headers.Add("X-Autosave", "1");

        using var saved = await client.SendAsync(good);
        using var refused = await client.SendAsync(bad);

        Assert.Equal(HttpStatusCode.NoContent, saved.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal("Li", (await ApplicationFormSteps.LoadAsync(app, id)).FullName);
    }

    public static TheoryData<string, byte[], string, string> BadFiles() => new()
    {
        { "a text file named .pdf", "just some text, not a PDF"u8.ToArray(), "cv.pdf", "application/pdf" },
        { "an EXE declared as PDF", [0x4D, 0x5A, 0x90, 0x00, .. new byte[2000]], "setup.pdf", "application/pdf" },
        { "an empty file", [], "empty.pdf", "application/pdf" },
        { "a PDF cut off before its end", ApplicationFormSteps.Pdf(4096)[..3000], "cut.pdf", "application/pdf" },
        { "an HTML page named .pdf", "<html><script>alert(1)</script></html>"u8.ToArray(), "page.pdf", "text/html" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_file_that_is_not_a_pdf_by_its_bytes_is_refused_and_nothing_is_stored(string what, byte[] bytes, string name, string type)
    {
        var (client, id) = await DraftAsync();
        using var _ = client;

        using var response = await client.UploadAsync(id, "Cv", bytes, name, type);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, what);
        var text = PageText.Of(await response.Content.ReadAsStringAsync());
        Assert.True(text.Contains("not a PDF", StringComparison.Ordinal) || text.Contains("Choose a PDF file", StringComparison.Ordinal), what);
        Assert.Equal(0, (await StateAsync(id)).Documents);
    }

    [Fact]
    public async Task A_file_of_10_MB_and_one_byte_is_refused_and_10_MB_is_accepted()
    {
        var (client, id) = await DraftAsync();
        using var _ = client;

        using var tooBig = await client.UploadAsync(id, "Cv", ApplicationFormSteps.Pdf((10 * 1024 * 1024) + 1), "big.pdf");
        Assert.Equal(HttpStatusCode.BadRequest, tooBig.StatusCode);
        Assert.Contains("larger than 10 MB", PageText.Of(await tooBig.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(0, (await StateAsync(id)).Documents);

        using var limit = await client.UploadAsync(id, "Cv", ApplicationFormSteps.Pdf(10 * 1024 * 1024), "limit.pdf");
        Assert.Equal(HttpStatusCode.Redirect, limit.StatusCode);
        Assert.Equal(1, (await StateAsync(id)).Documents);
    }

    [Fact]
    public async Task A_NUL_byte_in_a_posted_form_is_refused_and_nothing_is_saved()
    {
        // The framework refuses the whole form (it reports an invalid form token); no field is read.
        var (client, id) = await DraftAsync();
        using var _ = client;
        var before = await StateAsync(id);

        using var response = await client.SaveStepAsync(id, "personal", [new("FullName", "Li\u0000Ming"), new("Phone", "123456")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await StateAsync(id));
    }

    [Theory]
    [InlineData("Li\u0000Ming")]
    [InlineData("Li\u001bMing")]
    [InlineData("Li\u0085Ming")]
    public void Control_characters_a_browser_does_not_send_are_refused_by_the_same_rule(string name) =>
        Assert.False(new SingleLineAttribute().IsValid(name));

    [Fact]
    public async Task A_request_far_over_the_limit_is_refused_before_it_is_read()
    {
        var (client, id) = await DraftAsync();
        using var _ = client;

        using var response = await client.UploadAsync(id, "Cv", ApplicationFormSteps.Pdf(25 * 1024 * 1024), "huge.pdf");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("at most 10 MB", PageText.Of(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(0, (await StateAsync(id)).Documents);
    }

    [Theory]
    [InlineData("../../etc/passwd.pdf", "passwd.pdf")]
    [InlineData("..\\..\\windows\\cv.pdf", "cv.pdf")]
    [InlineData("简历 2026.pdf", "简历 2026.pdf")]
    public async Task A_file_name_keeps_no_folders_or_control_characters(string sent, string stored)
    {
        var (client, id) = await DraftAsync();
        using var _ = client;

        using var response = await client.UploadAsync(id, "Cv", ApplicationFormSteps.Pdf(), sent);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var document = Assert.Single((await ApplicationFormSteps.LoadAsync(app, id)).Documents);
        Assert.Equal(stored, document.FileName);
        Assert.Equal(64, document.Sha256.Length);
    }

    [Theory]
    [InlineData("cv\r\nContent-Type: text/html.pdf", "html.pdf")]
    [InlineData("a\u0000b.pdf", "ab.pdf")]
    [InlineData("C:\\Users\\li\\cv.pdf", "cv.pdf")]
    [InlineData("...", "document.pdf")]
    [InlineData("\"quoted\" <name>.pdf", "quoted name.pdf")]
    public void File_names_that_a_browser_cannot_send_are_cleaned_too(string sent, string stored) =>
        Assert.Equal(stored, PdfUpload.CleanFileName(sent));

    [Fact]
    public async Task A_fourth_other_document_is_refused_and_a_new_cv_replaces_the_old_one()
    {
        var (client, id) = await DraftAsync();
        using var _ = client;
        foreach (var n in Enumerable.Range(1, 3))
        {
            using var other = await client.UploadAsync(id, "Other", ApplicationFormSteps.Pdf(), $"other{n}.pdf");
            Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
        }

        using var fourth = await client.UploadAsync(id, "Other", ApplicationFormSteps.Pdf(), "other4.pdf");
        using var cv1 = await client.UploadAsync(id, "Cv", ApplicationFormSteps.Pdf(), "cv1.pdf");
        using var cv2 = await client.UploadAsync(id, "Cv", ApplicationFormSteps.Pdf(), "cv2.pdf");

        Assert.Equal(HttpStatusCode.BadRequest, fourth.StatusCode);
        Assert.Contains("at most 3 other documents", PageText.Of(await fourth.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var documents = (await ApplicationFormSteps.LoadAsync(app, id)).Documents;
        Assert.Equal(4, documents.Count);
        Assert.Equal("cv2.pdf", Assert.Single(documents, d => d.Kind == DocumentKind.Cv).FileName);
        await using var db = app.CreateDbContext();
        Assert.Equal(4, await db.DocumentContents.CountAsync(c => documents.Select(d => d.Id).Contains(c.DocumentId)));
    }

    [Theory]
    [InlineData("Postdoc")]
    [InlineData("99")]
    public async Task An_unknown_document_kind_is_refused(string kind)
    {
        var (client, id) = await DraftAsync();
        using var _ = client;

        using var response = await client.UploadAsync(id, kind, ApplicationFormSteps.Pdf(), "x.pdf");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, (await StateAsync(id)).Documents);
    }

    [Fact]
    public async Task Another_applicants_application_is_not_found_for_every_action()
    {
        var (owner, id) = await DraftAsync();
        using var _ = owner;
        using var other = await app.SignedInApplicantAsync(NewEmail());
        var before = await StateAsync(id);
        var token = await other.GetAntiforgeryTokenAsync("/apply/signin");

        using var view = await other.GetAsync($"/apply/{id}/personal");
        using var save = await other.PostAsync($"/apply/{id}/personal", new FormUrlEncodedContent([new("FullName", "Mallory"), new("go", "save"), new(HtmlForms.AntiforgeryField, token)]));
        using var submit = await other.PostAsync($"/apply/{id}/submit", new FormUrlEncodedContent([new("consent", "true"), new(HtmlForms.AntiforgeryField, token)]));
        using var delete = await other.PostAsync($"/apply/{id}/documents/1/delete", new FormUrlEncodedContent([new(HtmlForms.AntiforgeryField, token)]));
        using var upload = await other.UploadAsync(id, "Cv", ApplicationFormSteps.Pdf(), "cv.pdf", antiforgeryToken: token);

        Assert.Equal(HttpStatusCode.NotFound, view.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, upload.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, save.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, submit.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        Assert.Equal(before, await StateAsync(id));
    }

    [Theory]
    [InlineData(ApplicationStatus.UnderReview)]
    [InlineData(ApplicationStatus.Withdrawn)]
    public async Task An_upload_to_the_applicants_own_application_once_it_is_past_editing_is_not_found_and_stores_nothing(ApplicationStatus status)
    {
        var (client, id) = await DraftAsync();
        using var _ = client;
        var token = await client.GetAntiforgeryTokenAsync($"/apply/{id}/documents");
        await using (var db = app.CreateDbContext())
        {
            await db.Applications.Where(a => a.Id == id).ExecuteUpdateAsync(set => set.SetProperty(a => a.Status, status));
        }

        var before = await StateAsync(id);
        using var upload = await client.UploadAsync(id, "Cv", ApplicationFormSteps.Pdf(), "cv.pdf", antiforgeryToken: token);

        Assert.Equal(HttpStatusCode.NotFound, upload.StatusCode);
        Assert.Equal(before, await StateAsync(id));
    }

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_the_applicant_sign_in()
    {
        using var client = app.CreateHttpsClient();

        using var response = await client.GetAsync("/apply?intake=2026.09&program=PhD");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/apply/signin?returnPath=", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submitting_an_incomplete_application_is_refused_and_lists_what_is_missing()
    {
        var (client, id) = await DraftAsync();
        using var _ = client;
        var review = PageText.Of(await client.GetStringAsync($"/apply/{id}/review"));

        using var response = await client.SubmitAsync(id);

        Assert.Contains("Upload your CV.", review, StringComparison.Ordinal);
        Assert.Contains("Enter your full name.", review, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ApplicationStatus.Draft, (await ApplicationFormSteps.LoadAsync(app, id)).Status);
    }

    [Fact]
    public async Task Submitting_without_consent_or_with_the_honeypot_filled_changes_nothing()
    {
        using var client = await app.SignedInApplicantAsync(NewEmail());
        var id = await client.FillCompleteApplicationAsync(app);
        var before = await StateAsync(id);

        using var noConsent = await client.SubmitAsync(id, consent: false);
        using var bot = await client.SubmitAsync(id, honeypot: "http://spam.example");

        Assert.Equal(HttpStatusCode.BadRequest, noConsent.StatusCode);
        Assert.Contains("consent", PageText.Of(await noConsent.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, bot.StatusCode);
        Assert.Equal(before, await StateAsync(id));
        Assert.Equal(ApplicationStatus.Draft, (await ApplicationFormSteps.LoadAsync(app, id)).Status);
    }

    [Fact]
    public async Task Submitting_twice_is_refused_and_sends_nothing_more()
    {
        using var client = await app.SignedInApplicantAsync(NewEmail());
        var id = await client.FillCompleteApplicationAsync(app);
        using var first = await client.SubmitAsync(id);
        var before = await StateAsync(id);

        // The review page no longer offers the button; a replayed post is what remains.
        using var second = await client.PostFormAsync($"/apply/{id}/personal", $"/apply/{id}/submit", [new("consent", "true")]);

        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Contains("already been submitted", PageText.Of(await second.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(before, await StateAsync(id));
    }

    [Fact]
    public async Task After_the_deadline_the_draft_is_kept_but_cannot_be_submitted()
    {
        using var client = await app.SignedInApplicantAsync(NewEmail());
        var id = await client.FillCompleteApplicationAsync(app, "2026.09", "Master");
        await using (var db = app.CreateDbContext())
        {
            await db.Intakes.Where(i => i.Code == "2026.09").ExecuteUpdateAsync(s => s.SetProperty(i => i.DeadlineUtc, app.Clock.GetUtcNow().UtcDateTime.AddMinutes(-1)));
        }

        try
        {
            using var response = await client.SubmitAsync(id);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("no longer open", PageText.Of(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
            var application = await ApplicationFormSteps.LoadAsync(app, id);
            Assert.Equal(ApplicationStatus.Draft, application.Status);
            Assert.Equal("Li Ming", application.FullName);
        }
        finally
        {
            await using var db = app.CreateDbContext();
            await db.Intakes.Where(i => i.Code == "2026.09").ExecuteUpdateAsync(s => s.SetProperty(i => i.DeadlineUtc, (DateTime?)null));
        }
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_changes_nothing()
    {
        var (client, id) = await DraftAsync();
        using var _ = client;
        var before = await StateAsync(id);

        using var response = await client.PostAsync($"/apply/{id}/personal", new FormUrlEncodedContent([new("FullName", "Forged"), new("go", "save")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await StateAsync(id));
    }

    [Fact]
    public async Task No_email_is_queued_until_submission()
    {
        var (client, id) = await DraftAsync();
        using var _ = client;
        using var saved = await client.SaveStepAsync(id, "personal", ApplicationFormSteps.ValidSteps["personal"]);

        await using var db = app.CreateDbContext();
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.False(await db.EmailMessages.AnyAsync(m => m.ApplicationId == id));
    }
}
