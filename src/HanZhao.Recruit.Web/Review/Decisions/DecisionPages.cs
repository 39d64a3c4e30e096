using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Web.Platform.Forms;
using HanZhao.Recruit.Web.Platform.Queries;

namespace HanZhao.Recruit.Web.Review.Decisions;

/// <summary>/review/applications/{id}/status: the allowed next statuses and, once one is chosen, its email.</summary>
public sealed record StatusPage(
    DecisionTarget Application, IReadOnlyList<ApplicationStatus> Allowed, ApplicationStatus? To, EmailPreview? Preview, DecisionResult? Refused = null)
{
    /// <summary>Set after a change: what it became and whether an email was queued.</summary>
    public bool JustChanged { get; init; }

    public bool JustEmailed { get; init; }

    /// <summary>Why <see cref="Refused"/> was refused, in words ("to").</summary>
    public FormErrors Errors { get; init; } = new();

    /// <summary>The refusal page of a change that was refused (or would be).</summary>
    public static StatusPage Refusing(DecisionResult refused, FormErrors errors) =>
        new(refused.Application!, StatusPipeline.AllowedFrom(refused.Application!.Status), null, null, refused) { Errors = errors };
}

/// <summary>/review/bulk: the selection, the chosen status and what applying it would do.</summary>
public sealed record BulkPage(string Ids, int Selected, ApplicationStatus? To, BulkPlan? Plan);

/// <summary>After a bulk change: every application of the selection, changed or refused.</summary>
public sealed record BulkReport(ApplicationStatus To, IReadOnlyList<DecisionResult> Results)
{
    public IReadOnlyList<DecisionResult> Changed => [.. Results.Where(r => r.Changed)];

    public IReadOnlyList<DecisionResult> Refused => [.. Results.Where(r => !r.Changed)];
}

/// <summary>The status page's query: the chosen status (<c>?to=Interview</c>) and what was just done (<c>?changed=true&amp;emailed=false</c>).</summary>
public sealed record StatusQuery(ApplicationStatus? To, bool Changed, bool Emailed) : IQueryModel<StatusQuery>
{
    public static StatusQuery Read(QueryReader query) => new(query.Name<ApplicationStatus>("to"), query.Flag("changed"), query.Flag("emailed"));
}

/// <summary>Where a status change leads once done: the status page (the default), back to the reader, or the next application of its list.</summary>
public enum AfterDecision
{
    StatusPage,
    Reader,
    Next,
}

/// <summary>
/// The posted decision: the new status, whether to email the applicant, where to go after
/// (<c>then=reader</c> or <c>then=next</c>) and, from the reader, the list it came from as a field
/// (<c>list=status=Submitted&amp;page=2</c>): not in the action's query string, where the list's own
/// <c>to</c> (a date) would be read as the status.
/// </summary>
public sealed record StatusForm(ApplicationStatus? To, bool SendEmail, bool IsComplete) : IQueryModel<StatusForm>
{
    public AfterDecision Then { get; init; }

    public string? List { get; init; }

    /// <summary>Far more than any list's query string (a search is at most 200 characters).</summary>
    public const int ListMaxLength = 2000;

    public static StatusForm Read(QueryReader query)
    {
        var to = query.Name<ApplicationStatus>("to");
        var sendEmail = query.Flag("sendEmail");
        var then = query.Raw("then") is null ? AfterDecision.StatusPage : query.Name("then", [AfterDecision.Reader, AfterDecision.Next]);
        // A missing or unknown value is a broken form, not a refused transition.
        return new(to, sendEmail, to is not null && then is not null && query.Problems.Count == 0) { Then = then ?? AfterDecision.StatusPage, List = query.Text("list", ListMaxLength) };
    }
}

/// <summary>The bulk page's selection and status, and when posted, whether to email each applicant.</summary>
public sealed record BulkRequest(Selection Selection, ApplicationStatus? Status, bool SendEmail, bool IsComplete) : IQueryModel<BulkRequest>
{
    public static BulkRequest Read(QueryReader query)
    {
        var selection = Selection.Read(query);
        var status = query.Name<ApplicationStatus>("status");
        var sendEmail = query.Flag("sendEmail");
        return new(selection, status, sendEmail, !selection.IsEmpty && status is not null && query.Problems.Count == 0);
    }
}
