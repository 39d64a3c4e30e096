namespace HanZhao.Recruit.Data.Content;

/// <summary>
/// Text that differs between the site's two languages, stored side by side (two columns) so a
/// page is one query whatever the language. An empty string means "none".
/// </summary>
public sealed record LocalizedText
{
    public LocalizedText()
    {
    }

    public LocalizedText(string en, string zh)
    {
        En = en;
        Zh = zh;
    }

    public static LocalizedText Empty => new(string.Empty, string.Empty);

    public string En { get; set; } = string.Empty;

    public string Zh { get; set; } = string.Empty;

    /// <summary>The text for a culture name (<c>zh...</c> is Chinese, anything else English); falls back to the other language when empty.</summary>
    public string In(string culture)
    {
        var chinese = culture.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
        var (first, second) = chinese ? (Zh, En) : (En, Zh);
        return string.IsNullOrEmpty(first) ? second : first;
    }

    public bool IsEmpty => string.IsNullOrEmpty(En) && string.IsNullOrEmpty(Zh);
}
