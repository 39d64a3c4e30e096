using HanZhao.Recruit.Data.Intakes;

namespace HanZhao.Recruit.Data.Interest;

/// <summary>
/// 意向登记: someone who wants to hear when the professor opens an intake for a program. Double
/// opt-in: counted only once the link in the first email is used. The tokens are stored hashed.
/// </summary>
public class InterestRegistration
{
    public int Id { get; set; }

    /// <summary>The address as the email rules normalise it; one registration per address and program.</summary>
    public string Email { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public StudyPrograms Program { get; set; }

    /// <summary>The route they think of taking; None when they do not know yet.</summary>
    public AdmissionRoute Route { get; set; }

    /// <summary>The language of their emails.</summary>
    public string Culture { get; set; } = "en";

    /// <summary>SHA-256 (hex) of the confirmation link's token.</summary>
    public string ConfirmTokenHash { get; set; } = string.Empty;

    /// <summary>SHA-256 (hex) of the unsubscribe link's token.</summary>
    public string UnsubscribeTokenHash { get; set; } = string.Empty;

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? ConfirmedAtUtc { get; set; }

    public DateTime? UnsubscribedAtUtc { get; set; }
}

/// <summary>That a registrant was told of an intake: at most one row, so one email, per registrant and intake.</summary>
public class RegistrationAnnouncement
{
    public int RegistrationId { get; set; }

    public int IntakeId { get; set; }

    public DateTime SentAtUtc { get; set; }
}
