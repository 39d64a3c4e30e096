using HanZhao.Recruit.Data.Letters;
using HanZhao.Recruit.Web.Notifications;
using HanZhao.Recruit.Web.Platform.Hosting;
using HanZhao.Recruit.Web.Platform.Localization;
using HanZhao.Recruit.Web.Settings.Intakes;
using Microsoft.Extensions.Localization;

namespace HanZhao.Recruit.Web.Letters;

/// <summary>What the applicant asked for, as the referee's email names it.</summary>
public sealed record LetterFacts(string ApplicantName, string Program, string IntakeCode);

/// <summary>The request to a referee, in the language the applicant chose for them, with the private link.</summary>
public sealed class LetterEmails(IStringLocalizer<SharedResource> localizer, SiteAddress site)
{
    public EmailDraft Request(LetterRequest request, LetterFacts facts, string token)
    {
        using var _ = CultureScope.Use(request.Culture);
        return new EmailWriter(request.Culture)
            .Heading(localizer["A request for a letter of recommendation"])
            .Paragraph(localizer["Dear {0},", request.RefereeName])
            .Paragraph(localizer["{0} is applying to the {1} program of Han Zhao's group at Shanghai Jiao Tong University (intake {2}) and named you as a referee. Could you write a letter of recommendation?", facts.ApplicantName, localizer[facts.Program], facts.IntakeCode])
            .Facts([(localizer["Deadline"], ShanghaiTime.Display(request.ExpiresAtUtc) + " (UTC+8)"), (localizer["How you know the applicant"], request.Relationship)])
            .Button(localizer["Write or upload the letter"], site.Absolute($"/letters/{token}"))
            .Paragraph(localizer["The link is for you alone: it needs no account. You can also decline there."])
            .Build(EmailCatalogue.LetterRequest, request.RefereeEmail, request.RefereeName,
                localizer["Letter of recommendation for {0}", facts.ApplicantName], localizer["Han Zhao's group, Shanghai Jiao Tong University"]);
    }
}
