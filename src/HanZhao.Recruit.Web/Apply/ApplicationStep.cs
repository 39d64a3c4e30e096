namespace HanZhao.Recruit.Web.Apply;

/// <summary>The steps of the form, in order; each has its page at /apply/{id}/{slug}.</summary>
public enum ApplicationStep
{
    /// <summary>The official route the applicant plans: first, because it decides the questions and documents that follow.</summary>
    Route,
    Personal,
    Education,
    Choice,
    Experience,
    English,
    Statement,
    Documents,
    Review,
}

public static class ApplicationSteps
{
    public static IReadOnlyList<ApplicationStep> All { get; } = Enum.GetValues<ApplicationStep>();

    public static string Slug(this ApplicationStep step) => step.ToString().ToLowerInvariant();

    public static ApplicationStep? FromSlug(string? slug) =>
        All.Cast<ApplicationStep?>().FirstOrDefault(s => s!.Value.Slug() == slug);

    public static ApplicationStep? Next(this ApplicationStep step) =>
        step == ApplicationStep.Review ? null : step + 1;

    public static ApplicationStep? Previous(this ApplicationStep step) =>
        step == First ? null : step - 1;

    /// <summary>Where a new or continued application opens.</summary>
    public const ApplicationStep First = ApplicationStep.Route;

    /// <summary>1 for the first step: "Step 3 of 9".</summary>
    public static int Number(this ApplicationStep step) => (int)step + 1;

    /// <summary>The step's title, an English key for the localizer.</summary>
    public static string Title(this ApplicationStep step) => step switch
    {
        ApplicationStep.Route => "Admission route",
        ApplicationStep.Personal => "Personal details",
        ApplicationStep.Education => "Education",
        ApplicationStep.Choice => "Program and interests",
        ApplicationStep.Experience => "Experience",
        ApplicationStep.English => "English",
        ApplicationStep.Statement => "Statement",
        ApplicationStep.Documents => "Documents",
        _ => "Review and submit",
    };
}
