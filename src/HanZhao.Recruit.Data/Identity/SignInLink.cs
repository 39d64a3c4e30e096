namespace HanZhao.Recruit.Data.Identity;

/// <summary>
/// A one-time sign-in link emailed to an applicant. Only the SHA-256 of its token is stored, so a
/// copy of the database cannot be used to sign in; <see cref="UsedAtUtc"/> makes it work once.
/// It names the address, not a user: the applicant's account is created when the link is used,
/// so typing someone's address creates nothing.
/// </summary>
public class SignInLink
{
    public int Id { get; set; }

    /// <summary>The address the link was sent to, upper-cased as Identity normalizes it.</summary>
    public string NormalizedEmail { get; set; } = string.Empty;

    /// <summary>The language the visitor asked in; the account gets it when created.</summary>
    public string Culture { get; set; } = "en";

    /// <summary>Lower-case hex SHA-256 of the token in the link.</summary>
    public string TokenHash { get; set; } = string.Empty;

    public DateTime CreatedAtUtc { get; set; }

    public DateTime ExpiresAtUtc { get; set; }

    public DateTime? UsedAtUtc { get; set; }

    /// <summary>A local path to continue to after signing in (e.g. /apply?intake=2026.09&amp;program=PhD).</summary>
    public string? ReturnPath { get; set; }
}
