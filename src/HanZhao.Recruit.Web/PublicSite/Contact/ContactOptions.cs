namespace HanZhao.Recruit.Web.PublicSite.Contact;

/// <summary>
/// Limits of the contact form (configuration section <c>Recruit:Contact</c>). Settings so an
/// operator behind a campus NAT can raise the per-client limit, and so tests can.
/// </summary>
public sealed class ContactOptions
{
    public const string Section = "Recruit:Contact";

    /// <summary>Messages one client IP may send within <see cref="ClientWindow"/>.</summary>
    public int ClientPermitLimit { get; set; } = 5;

    public TimeSpan ClientWindow { get; set; } = TimeSpan.FromMinutes(10);
}
