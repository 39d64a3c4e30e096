using System.Net;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Data.Intakes;
using HanZhao.Recruit.Web.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HanZhao.Recruit.Tests.Notifications;

public sealed class ConfiguredProfessorAppFactory : RecruitAppFactory
{
    public ConfiguredProfessorAppFactory() => Settings["Recruit:ProfessorEmail"] = "han.zhao@lab.example";
}

public class ApplicantReplyToTests(ConfiguredProfessorAppFactory app) : IClassFixture<ConfiguredProfessorAppFactory>
{
    [Fact]
    public async Task A_status_email_to_the_applicant_has_reply_to_the_professor_in_the_row_and_on_the_wire()
    {
        var (id, applicantEmail) = await CreateApplicationAsync();
        using var professor = await app.CreateClientSignedInAsync(Roles.Professor);

        using var response = await professor.PostFormAsync($"/review/applications/{id}/status?to=UnderReview",
            $"/review/applications/{id}/status", [new("to", "UnderReview"), new("sendEmail", "true")]);

        await response.AssertStatusAsync(HttpStatusCode.Redirect);
        await using var db = app.CreateDbContext();
        var email = await db.EmailMessages.SingleAsync(m => m.ApplicationId == id && m.Kind == "StatusUnderReview");
        Assert.Equal(applicantEmail, email.ToAddress);
        Assert.Equal("han.zhao@lab.example", email.ReplyTo);
        var mime = app.Services.GetRequiredService<EmailSender>().Compose(email);
        Assert.Equal("han.zhao@lab.example", Assert.Single(mime.ReplyTo.Mailboxes).Address);
    }

    [Fact]
    public async Task An_alert_to_the_professor_keeps_reply_to_the_applicant_and_mail_without_an_application_gets_none()
    {
        var (id, applicantEmail) = await CreateApplicationAsync();
        // The app's own context (with its interceptors), as a service would use it.
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HanZhao.Recruit.Data.RecruitDbContext>();
            db.QueueEmail(new EmailDraft("NewApplication", "han.zhao@lab.example", null, "New", "x", "x", "en") { ReplyTo = applicantEmail, ApplicationId = id }, DateTime.UtcNow);
            db.QueueEmail(new EmailDraft("ToTheProfessor", "HAN.ZHAO@lab.example", null, "About", "x", "x", "en") { ApplicationId = id }, DateTime.UtcNow);
            db.QueueEmail(new EmailDraft("Other", applicantEmail, null, "About your application", "x", "x", "en") { ApplicationId = id }, DateTime.UtcNow);
            db.QueueEmail(new EmailDraft("DailyDigest", "han.zhao@lab.example", null, "Digest", "x", "x", "en"), DateTime.UtcNow);
            await db.SaveChangesAsync();
        }

        await using var check = app.CreateDbContext();
        var rows = await check.EmailMessages.Where(m => m.ApplicationId == id || m.Kind == "DailyDigest").ToListAsync();
        Assert.Equal(applicantEmail, rows.Single(r => r.Kind == "NewApplication").ReplyTo);
        Assert.Null(rows.Single(r => r.Kind == "ToTheProfessor").ReplyTo);
        Assert.Equal("han.zhao@lab.example", (await check.EmailMessages.SingleAsync(m => m.ApplicationId == id && m.Kind == "Other")).ReplyTo);
        Assert.All(rows.Where(r => r.Kind == "DailyDigest"), r => Assert.Null(r.ReplyTo));
    }

    private async Task<(int Id, string Email)> CreateApplicationAsync()
    {
        var applicant = await app.CreateUserAsync(Roles.Applicant);
        await using var db = app.CreateDbContext();
        var intake = await db.Intakes.OrderBy(i => i.Code).FirstAsync();
        var at = app.Clock.GetUtcNow().UtcDateTime;
        var application = new Application
        {
            ApplicantId = applicant.Id, IntakeId = intake.Id, Program = StudyPrograms.PhD, Status = ApplicationStatus.Submitted, FullName = "Reply Tester",
            ReferenceNumber = "HZ-RT-" + Guid.NewGuid().ToString("N")[..12], CreatedAtUtc = at, UpdatedAtUtc = at, SubmittedAtUtc = at,
        };
        application.StatusHistory.Add(new ApplicationStatusChange { From = ApplicationStatus.Draft, To = ApplicationStatus.Submitted, ChangedAtUtc = at });
        db.Applications.Add(application);
        await db.SaveChangesAsync();
        return (application.Id, applicant.Email!);
    }
}

public class ProfessorAccountReplyToTests(RecruitAppFactory app) : IClassFixture<RecruitAppFactory>
{
    [Fact]
    public async Task Without_a_configured_address_the_professor_account_is_the_reply_to()
    {
        var professor = await app.CreateUserAsync(Roles.Professor);
        var applicant = await app.CreateUserAsync(Roles.Applicant);
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HanZhao.Recruit.Data.RecruitDbContext>();
            var intake = await db.Intakes.OrderBy(i => i.Code).FirstAsync();
            var at = app.Clock.GetUtcNow().UtcDateTime;
            var application = new Application
            {
                ApplicantId = applicant.Id, IntakeId = intake.Id, Program = StudyPrograms.PhD, Status = ApplicationStatus.Withdrawn, FullName = "Reply Account",
                ReferenceNumber = "HZ-RA-" + Guid.NewGuid().ToString("N")[..12], CreatedAtUtc = at, UpdatedAtUtc = at, SubmittedAtUtc = at,
            };
            db.Applications.Add(application);
            await db.SaveChangesAsync();
            db.QueueEmail(new EmailDraft("WithdrawalConfirmed", applicant.Email!, null, "Withdrawn", "x", "x", "en") { ApplicationId = application.Id }, at);
            // The synchronous SaveChanges follows the same rule.
            db.SaveChanges();
        }

        await using var check = app.CreateDbContext();
        var row = await check.EmailMessages.SingleAsync(m => m.ToAddress == applicant.Email && m.Kind == "WithdrawalConfirmed");
        var first = await ProfessorAddress.AccountEmail(check).FirstAsync();
        Assert.Equal(first, row.ReplyTo);
        Assert.NotNull(professor.Email);
    }
}
