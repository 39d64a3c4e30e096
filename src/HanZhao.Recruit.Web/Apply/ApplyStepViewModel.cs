using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Content;
using HanZhao.Recruit.Web.Platform.Forms;
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

    public string StepUrl(ApplicationStep step) => $"/apply/{Application.Id}/{step.Slug()}";
}

/// <summary>The choice of intake and program; <see cref="Errors"/> says why a choice was refused.</summary>
public sealed record ApplyChooseViewModel(IReadOnlyList<OpenIntake> Intakes, FormErrors Errors);
