using HanZhao.Recruit.Web.Platform.Forms;

namespace HanZhao.Recruit.Web.Settings.Content;

public sealed record ContentHubPage(int Interests, int Education, int Accomplishments, int Publications);

public sealed record ProfilePage(ProfileForm Form, FormErrors Errors, bool Saved);

/// <summary>A list with its add form (<see cref="Form"/>, re-shown with <see cref="Errors"/> when refused).</summary>
public sealed record ItemListPage(ContentSection Section, IReadOnlyList<ItemRow> Rows, ItemForm Form, FormErrors Errors, string? Done, string? Refusal);

public sealed record ItemEditPage(ContentSection Section, int Id, ItemForm Form, FormErrors Errors);

/// <summary>One labelled input of the content forms (rendered by Settings/Content/Views/_Field.cshtml).</summary>
public sealed record FieldModel(string Name, string Label, string? Value, FormErrors Errors, int MaxLength)
{
    public string Type { get; init; } = "text";

    public int Rows { get; init; }

    public string? Lang { get; init; }

    public bool Required { get; init; }

    public string? Hint { get; init; }
}
