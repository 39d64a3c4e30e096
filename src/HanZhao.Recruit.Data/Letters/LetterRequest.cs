using HanZhao.Recruit.Data.Intakes;

namespace HanZhao.Recruit.Data.Letters;

/// <summary>Where a request for a referee's letter stands; "expired" and "reminded" are read from the dates and counts.</summary>
public enum LetterState
{
    Requested,
    Received,
    Declined,
    Withdrawn,
}

/// <summary>
/// A letter the applicant asked a referee for. The referee needs no account: the private link
/// <c>/letters/{token}</c> carries a random token, stored only as its SHA-256 in a <see cref="LetterLink"/>
/// (one per email: the request and each reminder), all opening this request. The letter is a
/// PDF (<see cref="LetterContent"/>) or text, final once submitted.
/// </summary>
public class LetterRequest
{
    public int Id { get; set; }

    public int ApplicationId { get; set; }

    public string RefereeName { get; set; } = string.Empty;

    /// <summary>Normalised as every address typed (EmailAddresses); never the applicant's own.</summary>
    public string RefereeEmail { get; set; } = string.Empty;

    /// <summary>"Professor", "Associate Professor"…</summary>
    public string? RefereeTitle { get; set; }

    public string RefereeInstitution { get; set; } = string.Empty;

    /// <summary>How the referee knows the applicant ("thesis supervisor", "course teacher").</summary>
    public string Relationship { get; set; } = string.Empty;

    /// <summary>The language of the referee's emails and page, chosen by the applicant: <c>en</c> or <c>zh-CN</c>.</summary>
    public string Culture { get; set; } = "en";

    /// <summary>The applicant waives the right to read the letter (the default, as most programs expect).</summary>
    public bool ApplicantWaivedAccess { get; set; } = true;

    public LetterState State { get; set; }

    public DateTime RequestedAtUtc { get; set; }

    /// <summary>The link works until then (Recruit:Letters:LinkLifetime after the request, 30 days by default).</summary>
    public DateTime ExpiresAtUtc { get; set; }

    public int RemindersSent { get; set; }

    public DateTime? LastReminderAtUtc { get; set; }

    /// <summary>When the letter arrived, the referee declined, or the applicant withdrew the request.</summary>
    public DateTime? ClosedAtUtc { get; set; }

    public string? DeclineReason { get; set; }

    /// <summary>The letter written in the page's text box; null when a PDF was sent instead.</summary>
    public string? LetterText { get; set; }

    /// <summary>The referee's optional ratings, 1–5 each.</summary>
    public int? RatingResearch { get; set; }

    public int? RatingIndependence { get; set; }

    public int? RatingCommunication { get; set; }

    public LetterContent? Content { get; set; }

    /// <summary>The links emailed for this request; any of them opens it until it closes or expires.</summary>
    public List<LetterLink> Links { get; set; } = [];

    public bool IsExpired(DateTime nowUtc) => State == LetterState.Requested && nowUtc >= ExpiresAtUtc;
}

/// <summary>
/// One private link to a request: the request email and each reminder carry a fresh token, since
/// only hashes are stored and a reminder must still carry a working link. Every link of a request
/// opens the same page, and all stop working together when the request closes or expires.
/// </summary>
public class LetterLink
{
    public int Id { get; set; }

    public int LetterRequestId { get; set; }

    /// <summary>SHA-256 (hex) of the link's token.</summary>
    public string TokenHash { get; set; } = string.Empty;

    public DateTime IssuedAtUtc { get; set; }
}

/// <summary>A letter sent as a PDF, kept apart so lists of requests never load the bytes.</summary>
public class LetterContent
{
    public int LetterRequestId { get; set; }

    public string FileName { get; set; } = string.Empty;

    public long SizeBytes { get; set; }

    public string Sha256 { get; set; } = string.Empty;

    public int PageCount { get; set; }

    public byte[] Bytes { get; set; } = [];
}

/// <summary>How many letters an intake asks of applicants on a route (e.g. two expert letters for 申请-考核); none when no row.</summary>
public class LetterRequirement
{
    public int IntakeId { get; set; }

    public AdmissionRoute Route { get; set; }

    public int Count { get; set; }
}
