namespace HanZhao.Recruit.Web.PublicSite.Interest;

/// <summary>
/// Limits of interest registrations (configuration section <c>Recruit:Interest</c>). Settings, like
/// the sign-in link's, so an operator behind a campus NAT can raise the per-client limit, and tests can.
/// </summary>
public sealed class InterestOptions
{
    public const string Section = "Recruit:Interest";

    /// <summary>How long the confirmation link works after it is sent.</summary>
    public TimeSpan ConfirmLinkLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Registrations (each one an email) one address may be sent within <see cref="AddressWindow"/>: stops mail-bombing someone.</summary>
    public int AddressPermitLimit { get; set; } = 3;

    public TimeSpan AddressWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Registrations one client IP may post within <see cref="ClientWindow"/>: stops address-spraying.</summary>
    public int ClientPermitLimit { get; set; } = 10;

    public TimeSpan ClientWindow { get; set; } = TimeSpan.FromMinutes(10);
}
