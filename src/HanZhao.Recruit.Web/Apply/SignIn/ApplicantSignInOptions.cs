namespace HanZhao.Recruit.Web.Apply.SignIn;

/// <summary>
/// Limits of the emailed sign-in links (configuration section <c>Recruit:SignIn</c>). The defaults
/// are the product's; they are settings so an operator behind a campus NAT (many students, one
/// address) can raise the per-client limit, and so tests can.
/// </summary>
public sealed class ApplicantSignInOptions
{
    public const string Section = "Recruit:SignIn";

    /// <summary>How long a link works after it is sent.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Links one address may be sent within <see cref="AddressWindow"/>: stops mail-bombing someone.</summary>
    public int AddressPermitLimit { get; set; } = 3;

    public TimeSpan AddressWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Link requests one client IP may make within <see cref="ClientWindow"/>: stops address-spraying.</summary>
    public int ClientPermitLimit { get; set; } = 10;

    public TimeSpan ClientWindow { get; set; } = TimeSpan.FromMinutes(10);
}
