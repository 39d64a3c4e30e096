using HanZhao.Recruit.Data.Intakes;

namespace HanZhao.Recruit.Web.PublicSite;

/// <summary>Where an intake stands for a visitor right now.</summary>
public enum IntakeState
{
    /// <summary>Takes applications.</summary>
    Open,

    /// <summary>Not yet: it opens at <see cref="OpenIntake.OpensAtUtc"/>, or when the professor opens it.</summary>
    Upcoming,

    /// <summary>No longer: since <see cref="OpenIntake.ClosedSinceUtc"/> (by hand, at its deadline or at its enrollment date).</summary>
    Closed,
}

/// <summary>
/// One intake as the public pages and /apply show it. <see cref="IsOpen"/> is whether it takes
/// applications right now (<see cref="Intake.IsAcceptingApplications"/>), not the professor's switch.
/// </summary>
public sealed record OpenIntake(string Code, DateOnly EnrollmentDate, StudyPrograms Programs, DateTime? DeadlineUtc, bool IsOpen)
{
    public IntakeState State { get; init; } = IsOpen ? IntakeState.Open : IntakeState.Closed;

    /// <summary>For an upcoming intake, when it opens; null when the professor has not said.</summary>
    public DateTime? OpensAtUtc { get; init; }

    /// <summary>For a closed intake, the moment it stopped taking applications.</summary>
    public DateTime? ClosedSinceUtc { get; init; }

    /// <summary>The official routes the professor accepts for this intake.</summary>
    public AdmissionRoute Routes { get; init; } = AdmissionRoutes.All;

    public static OpenIntake Of(Intake intake, DateTime nowUtc)
    {
        var open = intake.IsAcceptingApplications(nowUtc);
        // An intake never opened by hand has no closing moment of its own: it is over when enrollment begins.
        var closedSince = open ? null
            : intake.ClosedSinceUtc(nowUtc) ?? (nowUtc >= intake.EnrollmentStartsUtc ? intake.EnrollmentStartsUtc : null);
        return new OpenIntake(intake.Code, intake.EnrollmentDate, intake.Programs, intake.DeadlineUtc, open)
        {
            State = open ? IntakeState.Open : closedSince is null ? IntakeState.Upcoming : IntakeState.Closed,
            OpensAtUtc = !open && closedSince is null && intake.IsOpen && intake.OpensAtUtc > nowUtc ? intake.OpensAtUtc : null,
            ClosedSinceUtc = closedSince,
            Routes = intake.Routes,
        };
    }
}

/// <summary>
/// Every intake as visitors see it at one moment: open ones first (earliest enrollment first), then
/// the upcoming ones (the next chance to apply), then the closed ones (latest first); and
/// <see cref="ChangesAtUtc"/>, the next moment that picture changes by the clock alone, so a cached
/// page never outlives it.
/// </summary>
public sealed record PublicIntakes(IReadOnlyList<OpenIntake> All, DateTime? ChangesAtUtc, DateTime NowUtc)
{
    public IReadOnlyList<OpenIntake> Open => [.. All.Where(i => i.State == IntakeState.Open)];

    public IReadOnlyList<OpenIntake> Upcoming => [.. All.Where(i => i.State == IntakeState.Upcoming)];

    public IReadOnlyList<OpenIntake> Closed => [.. All.Where(i => i.State == IntakeState.Closed).OrderByDescending(i => i.EnrollmentDate)];

    /// <summary>Open, then upcoming, then closed: the order /join lists them in.</summary>
    public IReadOnlyList<OpenIntake> InOrder => [.. Open, .. Upcoming, .. Closed];

    public bool AnyOpen => All.Any(i => i.State == IntakeState.Open);

    /// <summary>The intake whose routes /join explains: the first open one, else the next upcoming one; null when there is neither.</summary>
    public OpenIntake? Current => Open is [var open, ..] ? open : Upcoming is [var next, ..] ? next : null;

    /// <summary>How long a page showing these intakes stays true; null when nothing is due to change.</summary>
    public TimeSpan? ValidFor => ChangesAtUtc is { } at ? at - NowUtc : null;

    public static PublicIntakes At(IEnumerable<Intake> intakes, DateTime nowUtc)
    {
        var list = intakes.ToList();
        // Each intake changes by itself at its opening, its deadline and the start of its enrollment.
        var next = list
            .SelectMany(i => new DateTime?[] { i.OpensAtUtc, i.DeadlineUtc, i.EnrollmentStartsUtc })
            .Where(moment => moment > nowUtc)
            .Min();
        return new PublicIntakes([.. list.OrderBy(i => i.EnrollmentDate).Select(i => OpenIntake.Of(i, nowUtc))], next, nowUtc);
    }
}
