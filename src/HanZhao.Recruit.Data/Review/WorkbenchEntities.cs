namespace HanZhao.Recruit.Data.Review;

/// <summary>A staff member's named list: the dashboard's query string ("intake=3&amp;program=PhD&amp;scored=notme"), theirs only.</summary>
public class SavedView
{
    public int Id { get; set; }

    public string OwnerId { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    /// <summary>The list's query string without the leading "?", as the dashboard reads it (a query model), never trusted as SQL.</summary>
    public string Query { get; set; } = string.Empty;

    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>
/// The professor's "not a duplicate" for two applications flagged as possibly the same person; the
/// pair is stored once, the smaller id first, so the flag stays gone from both pages.
/// </summary>
public class DuplicateDismissal
{
    public int FirstApplicationId { get; set; }

    public int SecondApplicationId { get; set; }

    public string DismissedById { get; set; } = string.Empty;

    public DateTime DismissedAtUtc { get; set; }
}

/// <summary>
/// How the lab reviews, set by the professor; one row (Id 1), and the defaults apply while it is
/// missing, so a fresh database needs no seed.
/// </summary>
public class ReviewSettings
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    /// <summary>A reviewer sees the other reviewers' scores of an application only after saving their own (Greenhouse's rule); the professor may turn it off.</summary>
    public bool BlindScoring { get; set; } = true;

    /// <summary>
    /// How long an admitted student's application is kept after the intake's enrollment date, in months
    /// (/review/settings/retention); null: Recruit:Retention:AdmittedMonths. Never "forever": the consent text states it.
    /// </summary>
    public int? AdmittedRetentionMonths { get; set; }
}
