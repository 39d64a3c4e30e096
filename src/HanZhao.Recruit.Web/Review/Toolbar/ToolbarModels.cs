using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Web.Platform.Forms;
using HanZhao.Recruit.Web.Platform.Queries;
using HanZhao.Recruit.Web.Review.Decisions;

namespace HanZhao.Recruit.Web.Review.Toolbar;

/// <summary>Which of the toolbar's buttons was pressed (posted as "act", by name).</summary>
public enum ToolbarAction
{
    Status,
    Email,
    Csv,
    Zip,
    Assign,
    Unassign,
    Tag,
    Invite,
}

/// <summary>
/// The list's toolbar as posted: the ticked rows (or "all matching", the list's query in <c>back</c>),
/// the button, and the value that button needs (a status, a co-reviewer, a tag).
/// </summary>
public sealed record ToolbarRequest(
    Selection Selection, bool AllMatching, string? Back, ToolbarAction? Action, ApplicationStatus? Status, string? Reviewer, string? Tag)
    : IQueryModel<ToolbarRequest>
{
    public static ToolbarRequest Read(QueryReader query)
    {
        var all = query.Flag("all");
        // "All matching" needs no ticked rows; the ticked ones are then not read at all.
        var selection = all ? new Selection([], null) : Selection.Read(query);
        return new(
            selection,
            all,
            query.Raw("back"),
            query.Name<ToolbarAction>("act"),
            query.Name("status", StatusPipeline.StaffTargets),
            query.Raw("reviewer"),
            query.Raw("tag"));
    }
}

/// <summary>The free-text email to the selection: what was typed, and the token that makes sending it happen once.</summary>
public sealed class MessageForm
{
    public const int MaxSubjectLength = 150;

    public const int MaxBodyLength = 10_000;

    public string? Ids { get; set; }

    public string? Subject { get; set; }

    public string? Body { get; set; }

    /// <summary>Set when the preview is shown; a second send with the same token (a double click) queues nothing.</summary>
    public string? Token { get; set; }

    /// <summary>"send" on the preview's confirmation; anything else asks for the preview.</summary>
    public string? Confirm { get; set; }
}

/// <summary>/review/toolbar/email: the form, and once previewed, one email per language and who gets it.</summary>
public sealed record MessagePage(MessageForm Form, int Recipients, IReadOnlyList<string> Skipped, IReadOnlyList<EmailPreview> Previews, FormErrors Errors)
{
    public bool IsPreview => Previews.Count > 0 && !Errors.Any;
}

/// <summary>After a free-text email: how many were queued and who was skipped (no address, not visible).</summary>
public sealed record MessageReport(int Queued, IReadOnlyList<string> Skipped, bool AlreadySent);
