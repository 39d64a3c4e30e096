using HanZhao.Recruit.Data.Intakes;
using HanZhao.Recruit.Web.Apply;
using HanZhao.Recruit.Web.Platform.Forms;

namespace HanZhao.Recruit.Web.PublicSite.Interest;

/// <summary>The registration form: what the visitor typed (all as text, the service decides what it means) and what was wrong with it.</summary>
public sealed class InterestForm
{
    /// <summary>The route choice of someone who has not decided yet.</summary>
    public const string NotSure = "NotSure";

    /// <summary>The column's size.</summary>
    public const int MaxNameLength = 100;

    public string? Email { get; set; }

    public string? Name { get; set; }

    /// <summary>"PhD" or "Master".</summary>
    public string? Program { get; set; }

    /// <summary>A route's name (<see cref="AdmissionRoute"/>) of that program, or <see cref="NotSure"/>.</summary>
    public string? Route { get; set; } = NotSure;

    /// <summary>The honeypot: hidden from people and screen readers, so only bots fill it in.</summary>
    public string? Website { get; set; }

    /// <summary>Messages by field ("email", "name", "program", "route"); "" for the form as a whole (the per-address limit).</summary>
    public FormErrors Errors { get; set; } = new();

    /// <summary>The programs a visitor can register for, in the order the form shows them.</summary>
    public static IReadOnlyList<StudyPrograms> Programs { get; } = [StudyPrograms.PhD, StudyPrograms.Master];

    /// <summary>The routes of <paramref name="program"/>, as <see cref="AdmissionRouteGuide"/> describes them.</summary>
    public static IReadOnlyList<RouteGuide> RoutesOf(StudyPrograms program) => AdmissionRouteGuide.Of(program, AdmissionRoutes.All);
}

/// <summary>The page an emailed link opens: it only offers the button that posts the token (mail scanners open links).</summary>
public sealed record InterestLinkPage(string Token);

/// <summary>The page of a link that cannot be used: which kind of link it was, and why (already localized).</summary>
public sealed record InterestLinkFailedPage(bool Unsubscribe, string Message);

/// <summary>The page after confirming: for which program the registrant will hear.</summary>
public sealed record InterestConfirmedPage(StudyPrograms Program);
