using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Content;
using HanZhao.Recruit.Data.Intakes;
using HanZhao.Recruit.Web.Platform.Forms;
using HanZhao.Recruit.Web.Privacy;
using HanZhao.Recruit.Web.PublicSite;

namespace HanZhao.Recruit.Web.Apply;

/// <summary>An application at one of its steps: where a change leaves the applicant (done) or what to show again (refused).</summary>
public sealed record ApplicationAtStep(Application Application, ApplicationStep Step)
{
    public string Url => $"/apply/{Application.Id}/{Step.Slug()}";
}

/// <summary>One step's page; <see cref="Errors"/> are keyed by the field's input name ("" for the application as a whole).</summary>
public sealed record ApplyStepViewModel(
    Application Application,
    ApplicationStep Step,
    ApplicationForm Form,
    IReadOnlyList<ResearchInterest> Interests,
    IReadOnlyList<(ApplicationStep Step, string Message)> Missing,
    FormErrors Errors)
{
    public bool IsSubmitted => Application.Status != ApplicationStatus.Draft;

    /// <summary>The consent text on the review step, written from the retention settings (Privacy/ConsentText).</summary>
    public ConsentWording? Consent { get; init; }

    /// <summary>The routes the applicant may choose: those the intake accepts for the program.</summary>
    public IReadOnlyList<RouteGuide> Routes => AdmissionRouteGuide.Of(Application.Program, Application.Intake!.Routes);

    /// <summary>The route as stored, with its description; null until one is chosen.</summary>
    public RouteGuide? Route => Application.Route == AdmissionRoute.None ? null : AdmissionRouteGuide.For(Application.Route);

    /// <summary>The documents page's boxes: each required document, then the others.</summary>
    public IReadOnlyList<DocumentKind> DocumentBoxes => DocumentNames.Accepted(Application.Route);

    /// <summary>Uploaded documents that no box shows any more (the route changed): listed with the others, to remove.</summary>
    public IEnumerable<ApplicationDocument> Unasked => Application.Documents.Where(d => !DocumentBoxes.Contains(d.Kind));

    public IEnumerable<ApplicationDocument> DocumentsOf(DocumentKind kind) =>
        Application.Documents.Where(d => d.Kind == kind).OrderBy(d => d.Slot).ThenBy(d => d.UploadedAtUtc);

    public string StepUrl(ApplicationStep step) => $"/apply/{Application.Id}/{step.Slug()}";
}

/// <summary>The choice of intake and program; <see cref="Errors"/> says why a choice was refused.</summary>
public sealed record ApplyChooseViewModel(IReadOnlyList<OpenIntake> Intakes, FormErrors Errors);
