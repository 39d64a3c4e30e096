using HanZhao.Recruit.Data.Content;
using HanZhao.Recruit.Web.Platform.Forms;

namespace HanZhao.Recruit.Web.Settings.Content.News;

/// <summary>The list with its add form (re-shown with <see cref="Errors"/> when refused).</summary>
public sealed record NewsListPage(IReadOnlyList<NewsItem> Items, NewsForm Form, FormErrors Errors, string? Done);

/// <summary>The edit form of one item.</summary>
public sealed record NewsEditPage(int Id, NewsForm Form, FormErrors Errors);
