using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace HanZhao.Recruit.Web.Notifications;

/// <summary>
/// Writes one email as HTML and plain text from the same blocks, encoding every value, so user
/// input (a name with &lt;script&gt;) is shown as text in both parts. No remote images or styles:
/// mail clients block them and they leak when a message is opened.
/// </summary>
public sealed class EmailWriter(string culture)
{
    private readonly StringBuilder _html = new();
    private readonly StringBuilder _text = new();

    public string Culture { get; } = culture;

    public EmailWriter Heading(string text)
    {
        _html.Append("<h1 style=\"font-size:20px;margin:0 0 16px\">").Append(Encode(text)).Append("</h1>\n");
        _text.Append(text).Append('\n').Append(new string('=', Math.Min(text.Length, 60))).Append("\n\n");
        return this;
    }

    public EmailWriter Paragraph(string text)
    {
        _html.Append("<p style=\"margin:0 0 12px\">").Append(Encode(text).ReplaceLineEndings("<br>")).Append("</p>\n");
        _text.Append(text).Append("\n\n");
        return this;
    }

    /// <summary>A labelled list of facts ("Reference: HZ-2026-00042").</summary>
    public EmailWriter Facts(IEnumerable<(string Label, string Value)> facts)
    {
        _html.Append("<table style=\"border-collapse:collapse;margin:0 0 12px\">\n");
        foreach (var (label, value) in facts)
        {
            _html.Append("<tr><th style=\"text-align:left;padding:2px 12px 2px 0\">").Append(Encode(label))
                .Append("</th><td style=\"padding:2px 0\">").Append(Encode(value)).Append("</td></tr>\n");
            _text.Append(label).Append(": ").Append(value).Append('\n');
        }

        _html.Append("</table>\n");
        _text.Append('\n');
        return this;
    }

    /// <summary>A call to action; the text part shows the address on its own line.</summary>
    public EmailWriter Button(string label, string url)
    {
        _html.Append("<p style=\"margin:16px 0\"><a href=\"").Append(Encode(url))
            .Append("\" style=\"background:#1d4ed8;color:#ffffff;padding:10px 18px;border-radius:6px;text-decoration:none;display:inline-block\">")
            .Append(Encode(label)).Append("</a></p>\n<p style=\"margin:0 0 12px;font-size:13px;color:#52606d\">")
            .Append(Encode(url)).Append("</p>\n");
        _text.Append(label).Append(":\n").Append(url).Append("\n\n");
        return this;
    }

    /// <summary>The finished email; <paramref name="kind"/> comes from <see cref="EmailCatalogue"/>.</summary>
    public EmailDraft Build(EmailKind kind, string toAddress, string? toName, string subject, string footer) =>
        new(kind.Name, toAddress, toName, subject,
            $"""
            <!DOCTYPE html>
            <html lang="{Encode(Culture)}"><head><meta charset="utf-8"><title>{Encode(subject)}</title></head>
            <body style="font-family:-apple-system,'Segoe UI',Arial,'PingFang SC','Microsoft YaHei',sans-serif;color:#1f2933;line-height:1.6;max-width:600px;margin:0 auto;padding:16px">
            {_html}<hr style="border:0;border-top:1px solid #d9e2ec;margin:24px 0 12px">
            <p style="font-size:13px;color:#52606d">{Encode(footer)}</p>
            </body></html>
            """,
            $"{_text}--\n{footer}\n",
            Culture);

    // Chinese stays readable; <, >, &, quotes and control characters are still encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static string Encode(string value) => Encoder.Encode(value);
}
