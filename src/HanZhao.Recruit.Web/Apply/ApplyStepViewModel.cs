using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Content;
using HanZhao.Recruit.Web.PublicSite;

namespace HanZhao.Recruit.Web.Apply;

public sealed record ApplyStepViewModel(
    Application Application,
    ApplicationStep Step,
    ApplicationForm Form,
    IReadOnlyList<ResearchInterest> Interests,
    IReadOnlyList<(ApplicationStep Step, string Message)> Missing)
{
    public bool IsSubmitted => Application.Status != ApplicationStatus.Draft;

    public string StepUrl(ApplicationStep step) => $"/apply/{Application.Id}/{step.Slug()}";
}

public sealed record ApplyChooseViewModel(IReadOnlyList<OpenIntake> Intakes, string? Error);
