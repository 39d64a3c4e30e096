using HanZhao.Recruit.Web.Platform.Forms;

namespace HanZhao.Recruit.Web.PublicSite.Contact;

/// <summary>The contact form as the visitor typed it.</summary>
public sealed class ContactForm
{
    public string? Name { get; set; }

    public string? Email { get; set; }

    public string? Message { get; set; }

    /// <summary>The honeypot: hidden from people and screen readers, so only bots fill it in.</summary>
    public string? Website { get; set; }
}

/// <summary>The contact page: the form, and (when refused) a message beside each field or above the form.</summary>
public sealed record ContactPage(ContactForm Form, FormErrors Errors)
{
    public static ContactPage Blank() => new(new ContactForm(), new FormErrors());
}
