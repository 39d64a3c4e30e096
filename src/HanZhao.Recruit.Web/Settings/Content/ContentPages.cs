using HanZhao.Recruit.Data.Content;

namespace HanZhao.Recruit.Web.Settings.Content;

public sealed record ContentHubPage(int Interests, int Education, int Accomplishments, int Publications);

public sealed record ProfilePage(ProfileForm Form, FormErrors Errors, bool Saved);

/// <summary>A list with its add form (<see cref="Form"/>, re-shown with <see cref="Errors"/> when refused).</summary>
public sealed record ItemListPage(ContentSection Section, IReadOnlyList<ItemRow> Rows, ItemForm Form, FormErrors Errors, string? Done, string? Refusal);

public sealed record ItemEditPage(ContentSection Section, int Id, ItemForm Form, FormErrors Errors);

public sealed record PublicationListPage(IReadOnlyList<IGrouping<int, Publication>> ByYear, string? Done, int Count);

/// <summary>The add/edit form; <see cref="Id"/> null when adding.</summary>
public sealed record PublicationEditPage(int? Id, string? Slug, PublicationForm Form, FormErrors Errors);

/// <summary>The import form and, after a preview, what would be added (the text goes back in the confirm form).</summary>
public sealed record ImportPage(string Text, ImportPlan? Plan, string? Error, ISet<int> Include);

/// <summary>One labelled input of the content forms (rendered by Views/ContentSettings/_Field.cshtml).</summary>
public sealed record FieldModel(string Name, string Label, string? Value, FormErrors Errors, int MaxLength)
{
    public string Type { get; init; } = "text";

    public int Rows { get; init; }

    public string? Lang { get; init; }

    public bool Required { get; init; }

    public string? Hint { get; init; }
}
