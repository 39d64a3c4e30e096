using HanZhao.Recruit.Data.Content;

namespace HanZhao.Recruit.Web.Platform.Seo;

/// <summary>
/// What a page tells search engines and link previews. Each public view sets one
/// (<c>ViewData.SetMeta(...)</c>); <c>Views/Shared/_Head.cshtml</c> renders it.
/// </summary>
public sealed class PageMeta
{
    /// <summary>The page's own title, already localized; <c>_Head</c> appends the site name (except on the homepage).</summary>
    public required string Title { get; init; }

    /// <summary>One or two sentences, already localized.</summary>
    public required string Description { get; init; }

    /// <summary>OpenGraph type: "website", "profile" or "article".</summary>
    public string OpenGraphType { get; init; } = "website";

    /// <summary>The homepage: adds Person JSON-LD.</summary>
    public Profile? Person { get; init; }

    /// <summary>With <see cref="Person"/>: the institutions the person graduated from.</summary>
    public IReadOnlyList<string> AlumniOf { get; init; } = [];

    /// <summary>A publication page: adds citation_* meta tags and ScholarlyArticle JSON-LD.</summary>
    public Publication? Publication { get; init; }

    /// <summary>Pages that must not be indexed (errors, private pages).</summary>
    public bool NoIndex { get; init; }
}

public static class PageMetaViewData
{
    private const string Key = nameof(PageMeta);

    public static void SetMeta(this Microsoft.AspNetCore.Mvc.ViewFeatures.ViewDataDictionary viewData, PageMeta meta) =>
        viewData[Key] = meta;

    public static PageMeta? GetMeta(this Microsoft.AspNetCore.Mvc.ViewFeatures.ViewDataDictionary viewData) =>
        viewData[Key] as PageMeta;
}
