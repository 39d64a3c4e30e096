using System.Globalization;
using HanZhao.Recruit.Data.Interest;
using HanZhao.Recruit.Data.Intakes;
using HanZhao.Recruit.Web.Apply;
using HanZhao.Recruit.Web.Notifications;
using HanZhao.Recruit.Web.Platform.Hosting;
using HanZhao.Recruit.Web.Platform.Localization;
using HanZhao.Recruit.Web.Settings.Intakes;
using Microsoft.Extensions.Localization;

namespace HanZhao.Recruit.Web.PublicSite.Interest;

/// <summary>
/// The two emails of a registration, each in the registrant's language whatever language the
/// request or job that queues it runs in, and each with its own unsubscribe link.
/// </summary>
public sealed class InterestEmails(IStringLocalizer<SharedResource> localizer, SiteAddress site)
{
    public const string ConfirmPath = "/join/interest/confirm";
    public const string UnsubscribePath = "/join/interest/unsubscribe";

    /// <summary>The double opt-in: nothing else is sent until its link is used.</summary>
    public EmailDraft Confirmation(InterestRegistration registration, string confirmToken, string unsubscribeToken)
    {
        using var _ = CultureScope.Use(registration.Culture);
        var writer = new EmailWriter(registration.Culture)
            .Heading(localizer["Confirm your registration"])
            .Paragraph(localizer["Dear {0},", registration.Name])
            .Paragraph(localizer["You asked to hear when Han Zhao's group at Shanghai Jiao Tong University opens an intake for {0} students. Please confirm: until you do, we send you nothing more.", Program(registration)])
            .Button(localizer["Confirm my registration"], site.Link($"{ConfirmPath}?token={confirmToken}"))
            .Paragraph(localizer["The link works for 7 days. If you did not register, ignore this email."]);
        return WithUnsubscribe(writer, unsubscribeToken)
            .Build(EmailCatalogue.InterestConfirmation, registration.Email, null, localizer["Confirm your registration with Han Zhao's group"], Footer);
    }

    /// <summary>The one email a confirmed registrant gets when an intake for their program takes applications.</summary>
    public EmailDraft Announcement(InterestRegistration registration, Intake intake, string unsubscribeToken)
    {
        using var _ = CultureScope.Use(registration.Culture);
        var program = Program(registration);
        var routes = AdmissionRouteGuide.Of(registration.Program, intake.Routes).Select(g => localizer[g.Name].Value).ToList();
        var facts = new List<(string Label, string Value)> { (localizer["Intake"], intake.Code), (localizer["Programs"], intake.Programs.Describe(localizer)) };
        if (routes.Count > 0)
        {
            facts.Add((localizer["Routes for {0}", program], string.Join(localizer[", "].Value, routes)));
        }

        facts.Add((localizer["Deadline"], Deadline(intake)));
        var writer = new EmailWriter(registration.Culture)
            .Heading(localizer["Applications are open"])
            .Paragraph(localizer["Dear {0},", registration.Name])
            .Paragraph(localizer["You asked to hear when Han Zhao's group opens an intake for {0} students: intake {1} now takes applications.", program, intake.Code])
            .Facts(facts)
            .Paragraph(localizer["The openings page explains each route and what an application needs."])
            .Button(localizer["Read the openings"], site.Absolute("/join"))
            .Button(localizer["Apply now"], site.Link($"/apply?intake={Uri.EscapeDataString(intake.Code)}&program={registration.Program}"));
        return WithUnsubscribe(writer, unsubscribeToken)
            .Build(EmailCatalogue.InterestAnnouncement, registration.Email, null, localizer["Applications are open: intake {0}", intake.Code], Footer);
    }

    private string Footer => localizer["Han Zhao's group, Shanghai Jiao Tong University"];

    private string Program(InterestRegistration registration) => localizer[registration.Program.ToString()];

    /// <summary>The deadline in Shanghai time, or when the intake closes by itself (its enrollment date).</summary>
    private string Deadline(Intake intake) =>
        intake.DeadlineUtc is { } deadline
            ? ShanghaiTime.Display(deadline) + " (UTC+8)"
            : localizer["None: applications close when enrollment begins on {0}", intake.EnrollmentDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)];

    private EmailWriter WithUnsubscribe(EmailWriter writer, string unsubscribeToken) =>
        writer
            .Paragraph(localizer["You get this email because your address was registered on the group's website. One click stops every email about intakes:"])
            .Button(localizer["Unsubscribe"], site.Link($"{UnsubscribePath}?token={unsubscribeToken}"));
}
