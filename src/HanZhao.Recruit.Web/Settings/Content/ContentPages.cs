using HanZhao.Recruit.Data.Content;
using HanZhao.Recruit.Web.Platform.Forms;
using HanZhao.Recruit.Web.Platform.Queries;

namespace HanZhao.Recruit.Web.Settings.Content;

public sealed record ContentHubPage(int Interests, int Education, int Accomplishments, int Publications);

/// <summary>The profile form and, apart, the photo with why its last upload was refused (<see cref="PhotoErrors"/>).</summary>
public sealed record ProfilePage(ProfileForm Form, FormErrors Errors, bool Saved, Photo? Photo = null, FormErrors? PhotoErrors = null);

/// <summary>
/// A list with its add form (<see cref="Form"/>, re-shown with <see cref="Errors"/> when refused)
/// and <see cref="Refusal"/>: why a delete was refused, shown above the list.
/// </summary>
public sealed record ItemListPage(ContentSection Section, IReadOnlyList<ItemRow> Rows, ItemForm Form, FormErrors Errors, string? Done, FormErrors Refusal);

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

/// <summary>What a list was told after a change: <c>?done=added</c>.</summary>
public sealed record ItemListQuery(string? Done) : IQueryModel<ItemListQuery>
{
    public static ItemListQuery Read(QueryReader query) => new(query.Choice("done", ["added", "saved", "deleted", "moved"]));
}

/// <summary>The ↑ and ↓ buttons of the lists (the interests, degrees, accomplishments and publications): <c>direction=up</c> or <c>down</c>.</summary>
public sealed record MoveDirection(bool? Up) : IQueryModel<MoveDirection>
{
    public static MoveDirection Read(QueryReader query) =>
        new(query.Choice("direction", ["up", "down"]) is { } direction ? direction == "up" : null);
}
