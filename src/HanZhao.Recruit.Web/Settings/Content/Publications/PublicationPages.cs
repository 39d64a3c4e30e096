using HanZhao.Recruit.Data.Content;
using HanZhao.Recruit.Web.Platform.Forms;

namespace HanZhao.Recruit.Web.Settings.Content.Publications;

public sealed record PublicationListPage(IReadOnlyList<IGrouping<int, Publication>> ByYear, string? Done, int Count);

/// <summary>The add/edit form; <see cref="Id"/> null when adding.</summary>
public sealed record PublicationEditPage(int? Id, string? Slug, PublicationForm Form, FormErrors Errors);

/// <summary>The import form and, after a preview, what would be added (the text goes back in the confirm form).</summary>
public sealed record ImportPage(string Text, ImportPlan? Plan, string? Error, ISet<int> Include);
