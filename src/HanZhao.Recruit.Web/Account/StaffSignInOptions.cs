namespace HanZhao.Recruit.Web.Account;

/// <summary>The <c>Recruit:StaffSignIn</c> configuration section: limits on the staff password sign-in.</summary>
public sealed class StaffSignInOptions
{
    public const string Section = "Recruit:StaffSignIn";

    /// <summary>Sign-in attempts (password or authenticator code) per client IP per window.</summary>
    public int ClientPermitLimit { get; set; } = 20;

    public TimeSpan ClientWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How often a signed-in staff cookie is checked against the database (security stamp and
    /// <c>IsDisabled</c>): the longest a disabled co-reviewer or a "signed out everywhere" session
    /// keeps working.
    /// </summary>
    public TimeSpan SessionCheckInterval { get; set; } = TimeSpan.FromMinutes(1);
}
