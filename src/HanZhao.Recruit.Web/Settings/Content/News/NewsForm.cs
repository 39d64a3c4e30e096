using System.Globalization;
using HanZhao.Recruit.Data.Configurations;
using HanZhao.Recruit.Data.Content;
using HanZhao.Recruit.Web.Platform.Forms;

namespace HanZhao.Recruit.Web.Settings.Content.News;

/// <summary>A news item as the form posts it: every value a string, so anything sent gets a message.</summary>
public sealed class NewsForm
{
    public string? Date { get; set; }
    public string? TextEn { get; set; }
    public string? TextZh { get; set; }
    public string? Link { get; set; }

    public static NewsForm From(NewsItem item) => new()
    {
        Date = item.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TextEn = item.Text.En,
        TextZh = item.Text.Zh,
        Link = item.Link,
    };

    /// <summary>Checks every field; writes them to <paramref name="item"/> only when all are valid.</summary>
    public FormErrors ApplyTo(NewsItem item, ContentRules rules)
    {
        var localizer = rules.Localizer;
        var e = new FormErrors();
        var date = rules.Date(e, nameof(Date), localizer["Date"], Date);
        var text = new LocalizedText(
            rules.Line(e, nameof(TextEn), localizer["Text (English)"], TextEn, NewsItemConfiguration.MaxTextLength, required: true),
            rules.Line(e, nameof(TextZh), localizer["Text (Chinese)"], TextZh, NewsItemConfiguration.MaxTextLength, required: false));
        var link = rules.SiteOrHttpsLink(e, nameof(Link), localizer["Link"], Link, NewsItemConfiguration.MaxLinkLength);
        if (e.Any)
        {
            return e;
        }

        (item.Date, item.Text, item.Link) = (date, text, link);
        return e;
    }
}
