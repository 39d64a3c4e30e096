using HanZhao.Recruit.Data.Applications;

namespace HanZhao.Recruit.Web.Review.Decisions;

/// <summary>/review/applications/{id}/status: the allowed next statuses and, once one is chosen, its email.</summary>
public sealed record StatusPage(
    DecisionTarget Application, IReadOnlyList<ApplicationStatus> Allowed, ApplicationStatus? To, EmailPreview? Preview, DecisionResult? Refused)
{
    /// <summary>Set after a change: what it became and whether an email was queued.</summary>
    public bool JustChanged { get; init; }

    public bool JustEmailed { get; init; }
}

/// <summary>/review/bulk: the selection, the chosen status and what applying it would do.</summary>
public sealed record BulkPage(string Ids, int Selected, ApplicationStatus? To, BulkPlan? Plan);

/// <summary>After a bulk change: every application of the selection, changed or refused.</summary>
public sealed record BulkReport(ApplicationStatus To, IReadOnlyList<DecisionResult> Results)
{
    public IReadOnlyList<DecisionResult> Changed => [.. Results.Where(r => r.Changed)];

    public IReadOnlyList<DecisionResult> Refused => [.. Results.Where(r => !r.Changed)];
}

/// <summary>One status and language in the template list.</summary>
public sealed record TemplateRow(ApplicationStatus Status, string Culture, string Subject, bool IsDefault);

/// <summary>The template editor: what is (or would be) saved, and the email it writes with sample values.</summary>
public sealed record TemplatePage(
    ApplicationStatus Status, string Culture, string Subject, string Body, bool IsDefault, EmailPreview? Preview, IReadOnlyList<string> Errors)
{
    public bool Saved { get; init; }

    public bool Restored { get; init; }
}
