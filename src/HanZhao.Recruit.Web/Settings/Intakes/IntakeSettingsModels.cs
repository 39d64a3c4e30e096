using HanZhao.Recruit.Data.Intakes;

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

    /// <summary>Field name → message, for the add form.</summary>
    public IReadOnlyDictionary<string, string> Errors { get; init; } = new Dictionary<string, string>();

    /// <summary>"added", "saved", "opened" or "closed"; anything else shows nothing.</summary>
    public string? Done { get; init; }

    public string? DoneCode { get; init; }
}

/// <summary>The edit page of one intake.</summary>
public sealed class IntakeEditPage
{
    public required int Id { get; init; }

    /// <summary>The stored code, for the heading (the form may hold a refused new one).</summary>
    public required string Code { get; init; }

    public required IntakeForm Form { get; init; }

    public IReadOnlyDictionary<string, string> Errors { get; init; } = new Dictionary<string, string>();
}

public enum IntakeOutcome
{
    Done,
    NotFound,
    Invalid,
}

/// <summary>The answer to a change: done (with the intake's id and code), not found, or refused with a message per field.</summary>
public sealed record IntakeResult(IntakeOutcome Outcome, int Id = 0, string? Code = null, IReadOnlyDictionary<string, string>? Errors = null)
{
    public static readonly IntakeResult NotFound = new(IntakeOutcome.NotFound);
}

/// <summary>What the shared fields partial needs: the values, the messages, and whether it is the add form (ids and the "open now" box differ).</summary>
public sealed record IntakeFieldsView(IntakeForm Form, IReadOnlyDictionary<string, string> Errors, bool Adding)
{
    public string? Error(string field) => Errors.TryGetValue(field, out var message) ? message : null;

    /// <summary>Element ids: the add form and the edit form never share a page, but the prefix keeps them apart in tests and screenshots.</summary>
    public string IdOf(string field) => (Adding ? "add-" : "edit-") + field;
}
