using HanZhao.Recruit.Data.Intakes;
using HanZhao.Recruit.Web.Platform.Forms;
using HanZhao.Recruit.Web.Platform.Queries;

namespace HanZhao.Recruit.Web.Settings.Intakes;

/// <summary>One intake in the professor's table, with the submitted applications per program.</summary>
public sealed record IntakeRow(
    int Id,
    string Code,
    StudyPrograms Programs,
    bool IsOpen,
    bool AcceptingNow,
    DateTime? OpensAtUtc,
    DateTime? DeadlineUtc,
    int? PhdQuota,
    int? MasterQuota,
    int PhdSubmitted,
    int MasterSubmitted);

/// <summary>The intakes page: the table, the add form (with its messages when refused) and what was just done.</summary>
public sealed class IntakeSettingsPage
{
    public IReadOnlyList<IntakeRow> Intakes { get; init; } = [];

    public IntakeForm Form { get; init; } = IntakeForm.New();

    /// <summary>The add form's messages.</summary>
    public FormErrors Errors { get; init; } = new();

    /// <summary>"added", "saved", "opened" or "closed"; anything else shows nothing.</summary>
    public string? Done { get; init; }

    public string? DoneCode { get; init; }

    /// <summary>The add form holds the next intake, as the dashboard's "Open the next intake" asked.</summary>
    public bool Prefilled { get; init; }
}

/// <summary>The edit page of one intake.</summary>
public sealed class IntakeEditPage
{
    public required int Id { get; init; }

    /// <summary>The stored code, for the heading (the form may hold a refused new one).</summary>
    public required string Code { get; init; }

    public required IntakeForm Form { get; init; }

    public FormErrors Errors { get; init; } = new();
}

/// <summary>
/// What the list was told after a change (<c>?done=added&amp;code=2027.09</c>), or that the add form
/// comes filled with the next intake (<c>?prefill=next</c>, the dashboard's "Open the next intake").
/// </summary>
public sealed record IntakeListQuery(string? Done, string? Code, string? Prefill = null) : IQueryModel<IntakeListQuery>
{
    public const string NextIntake = "next";

    public static IntakeListQuery Read(QueryReader query) =>
        new(query.Choice("done", ["added", "saved", "opened", "closed"]), query.Text("code", 7), query.Choice("prefill", [NextIntake]));
}

/// <summary>What the shared fields partial needs: the values, the messages, and whether it is the add form (ids and the "open now" box differ).</summary>
public sealed record IntakeFieldsView(IntakeForm Form, FormErrors Errors, bool Adding)
{
    public string? Error(string field) => Errors.For(field);

    /// <summary>Element ids: the add form and the edit form never share a page, but the prefix keeps them apart in tests and screenshots.</summary>
    public string IdOf(string field) => (Adding ? "add-" : "edit-") + field;
}
