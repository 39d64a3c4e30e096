using HanZhao.Recruit.Data.Letters;
using HanZhao.Recruit.Web.Notifications;
using HanZhao.Recruit.Web.Platform.Hosting;
using HanZhao.Recruit.Web.Platform.Localization;
using HanZhao.Recruit.Web.Settings.Intakes;
using Microsoft.Extensions.Localization;

namespace HanZhao.Recruit.Web.Letters;

/// <summary>What the applicant asked for, as the referee's email names it.</summary>
public sealed record LetterFacts(string ApplicantName, string Program, string IntakeCode);

/// <summary>The applicant as the notice of a referee's answer addresses them.</summary>
public sealed record LetterApplicant(int ApplicationId, string FullName, string Culture, string? Email);

/// <summary>
/// The letters' emails: the request and its reminders to a referee (in the language the applicant
/// chose for them, each with its own private link), and the notice to the applicant that a referee
/// answered (in the applicant's language).
/// </summary>
public sealed class LetterEmails(IStringLocalizer<SharedResource> localizer, SiteAddress site)
{
    public EmailDraft Request(LetterRequest request, LetterFacts facts, string token)
    {
        using var _ = CultureScope.Use(request.Culture);
        return ToReferee(request, facts, token, localizer["A request for a letter of recommendation"], null)
            .Build(EmailCatalogue.LetterRequest, request.RefereeEmail, request.RefereeName, Subject(facts), Footer);
    }

    /// <summary>The same request again, with a fresh link: the earlier links keep working too.</summary>
    public EmailDraft Reminder(LetterRequest request, LetterFacts facts, string token)
    {
        using var _ = CultureScope.Use(request.Culture);
        return ToReferee(request, facts, token, localizer["A reminder: a letter of recommendation"],
                localizer["We have not received your letter yet. This email carries a new link; the earlier one works too."])
            .Build(EmailCatalogue.LetterReminder, request.RefereeEmail, request.RefereeName, Subject(facts), Footer);
    }

    /// <summary>
    /// Tells the applicant that a referee sent the letter or declined. Never the letter itself, which
    /// the applicant may have waived the right to read. A decline's reason is shown: no letter exists
    /// then, so it reveals none, and the applicant needs it to choose another referee.
    /// </summary>
    public EmailDraft Answered(LetterRequest request, LetterApplicant applicant, bool received, string? declineReason)
    {
        using var _ = CultureScope.Use(applicant.Culture);
        var writer = new EmailWriter(applicant.Culture)
            .Heading(received ? localizer["A letter of recommendation has arrived"] : localizer["A referee declined"])
            .Paragraph(localizer["Dear {0},", applicant.FullName])
            .Paragraph(received
                ? localizer["{0} ({1}) has sent the letter of recommendation you asked for. Thank you for arranging it.", request.RefereeName, request.RefereeInstitution]
                : localizer["{0} ({1}) has declined to write a letter of recommendation. You can ask someone else on your referees page.", request.RefereeName, request.RefereeInstitution]);
        if (declineReason is not null)
        {
            writer.Facts([(localizer["Their reason"], declineReason)]);
        }

        return writer
            .Button(localizer["See your referees"], site.Absolute($"/applicant/{applicant.ApplicationId}/referees"))
            .Build(EmailCatalogue.LetterAnswered, applicant.Email!, applicant.FullName,
                received ? localizer["A letter of recommendation has arrived"] : localizer["A referee declined"],
                Footer) with { ApplicationId = applicant.ApplicationId };
    }

    private string Footer => localizer["Han Zhao's group, Shanghai Jiao Tong University"];

    private string Subject(LetterFacts facts) => localizer["Letter of recommendation for {0}", facts.ApplicantName];

    /// <summary>The body both referee emails share; the caller is inside the referee's culture.</summary>
    private EmailWriter ToReferee(LetterRequest request, LetterFacts facts, string token, string heading, string? reminder)
    {
        var writer = new EmailWriter(request.Culture)
            .Heading(heading)
            .Paragraph(localizer["Dear {0},", request.RefereeName]);
        if (reminder is not null)
        {
            writer.Paragraph(reminder);
        }

        return writer
            .Paragraph(localizer["{0} is applying to the {1} program of Han Zhao's group at Shanghai Jiao Tong University (intake {2}) and named you as a referee. Could you write a letter of recommendation?", facts.ApplicantName, localizer[facts.Program], facts.IntakeCode])
            .Facts([(localizer["Deadline"], ShanghaiTime.Display(request.ExpiresAtUtc) + " (UTC+8)"), (localizer["How you know the applicant"], request.Relationship)])
            .Button(localizer["Write or upload the letter"], site.Absolute($"/letters/{token}"))
            .Paragraph(localizer["The link is for you alone: it needs no account. You can also decline there."]);
    }
}
