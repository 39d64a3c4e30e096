namespace HanZhao.Recruit.Data.Identity;

/// <summary>
/// One signed-in browser. Every sign-in puts a new random key in the cookie and this row in the
/// database; every request needs the row, so signing out (which deletes it) refuses a copy of the
/// cookie at once, on every instance. Only the SHA-256 of the key is stored, as with sign-in links:
/// a copy of the database does not hold keys a cookie could carry.
/// </summary>
public class UserSession
{
    /// <summary>Lower-case hex SHA-256 of the key in the cookie.</summary>
    public string Id { get; set; } = string.Empty;

    public string UserId { get; set; } = string.Empty;

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>After this the session is refused and the cleanup job deletes the row.</summary>
    public DateTime ExpiresAtUtc { get; set; }
}
