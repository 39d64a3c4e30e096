using System.Text;
using HanZhao.Recruit.Data.Content;
using HanZhao.Recruit.Web.Platform.Queries;
using Microsoft.AspNetCore.Html;

namespace HanZhao.Recruit.Web.PublicSite.Search;

/// <summary>
/// What a visitor searches for: the words of <c>?q=</c> (split at spaces). A text matches when it
/// contains every word, ignoring case for Latin letters; a Chinese word is found anywhere inside a
/// Chinese text (there are no spaces to split Chinese at, so "调度" is found inside "GPU集群调度").
/// </summary>
public sealed class SearchTerms
{
    public const int MaxLength = 100;

    /// <summary>More words than this are ignored (each is another scan of every text).</summary>
    public const int MaxWords = 8;

    private SearchTerms(string text, IReadOnlyList<string> words, bool tooLong) => (Text, Words, TooLong) = (text, words, tooLong);

    /// <summary>The query as typed (trimmed; empty when none or refused).</summary>
    public string Text { get; }

    public IReadOnlyList<string> Words { get; }

    /// <summary>Longer than <see cref="MaxLength"/>: refused, nothing searched.</summary>
    public bool TooLong { get; }

    public bool IsEmpty => Words.Count == 0;

    public static SearchTerms Parse(string? query)
    {
        var text = (query ?? "").Trim();
        if (text.Length > MaxLength)
        {
            return new SearchTerms("", [], tooLong: true);
        }

        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.OrdinalIgnoreCase).Take(MaxWords).ToList();
        return new SearchTerms(text, words, tooLong: false);
    }

    /// <summary>Whether every word is in at least one of <paramref name="texts"/>.</summary>
    public bool Matches(params string?[] texts) =>
        !IsEmpty && Words.All(word => texts.Any(text => text is not null && text.Contains(word, StringComparison.OrdinalIgnoreCase)));

    /// <summary>Whether <paramref name="text"/> contains any word (which language of an item to show).</summary>
    public bool Touches(string? text) =>
        text is not null && Words.Any(word => text.Contains(word, StringComparison.OrdinalIgnoreCase));

    public bool Matches(LocalizedText text) => Matches(text.En, text.Zh);

    /// <summary>
    /// <paramref name="text"/> HTML-encoded, with every occurrence of a word in &lt;mark&gt;. Encoded
    /// piece by piece, so neither the text nor the query can put markup on the page.
    /// </summary>
    public IHtmlContent Highlight(string? text)
    {
        var html = new HtmlContentBuilder();
        if (string.IsNullOrEmpty(text))
        {
            return html;
        }

        var marked = new bool[text.Length];
        foreach (var word in Words)
        {
            for (var at = text.IndexOf(word, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(word, at + word.Length, StringComparison.OrdinalIgnoreCase))
            {
                Array.Fill(marked, true, at, word.Length);
            }
        }

        var run = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            run.Append(text[i]);
            if (i + 1 == text.Length || marked[i + 1] != marked[i])
            {
                if (marked[i])
                {
                    html.AppendHtml("<mark>").Append(run.ToString()).AppendHtml("</mark>");
                }
                else
                {
                    html.Append(run.ToString());
                }

                run.Clear();
            }
        }

        return html;
    }
}

/// <summary>/search's query: <c>q</c>, read whole (its length is checked by <see cref="SearchTerms"/>).</summary>
public sealed record SearchQuery(string? Q) : IQueryModel<SearchQuery>
{
    public static SearchQuery Read(QueryReader query) => new(query.Raw("q"));
}
