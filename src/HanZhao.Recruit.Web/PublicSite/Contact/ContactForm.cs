namespace HanZhao.Recruit.Web.PublicSite.Contact;

/// <summary>The contact form: what the visitor typed, and what was wrong with it.</summary>
public sealed class ContactForm
{
    public string? Name { get; set; }

    public string? Email { get; set; }

    public string? Message { get; set; }

    /// <summary>The honeypot: hidden from people and screen readers, so only bots fill it in.</summary>
    public string? Website { get; set; }

    /// <summary>English keys for the localizer, shown beside their fields.</summary>
    public string? NameError { get; set; }

    public string? EmailError { get; set; }

    public string? MessageError { get; set; }

    /// <summary>An English key for the localizer, shown above the form (nothing can be delivered now).</summary>
    public string? FormError { get; set; }

    public bool HasErrors => NameError is not null || EmailError is not null || MessageError is not null;
}

public enum ContactOutcome
{
    /// <summary>The message was queued for the professor.</summary>
    Sent,

    /// <summary>A bot filled the honeypot: it sees the same page as a person, but nothing is queued.</summary>
    Ignored,

    /// <summary>The form is shown again with its errors.</summary>
    Invalid,

    /// <summary>No professor address is configured: nothing can be delivered.</summary>
    Unavailable,
}
