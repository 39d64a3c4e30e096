using HanZhao.Recruit.Web.Platform.Forms;
using HanZhao.Recruit.Web.Platform.Queries;

namespace HanZhao.Recruit.Web.Review.Reviewers;

public sealed record ReviewerRow(string Id, string Email, string? DisplayName, bool HasPassword, bool IsDisabled, DateTime CreatedAtUtc);

/// <summary>The co-reviewers page: the list, the invitation form (with why it was refused) and what was just done.</summary>
public sealed class ReviewersPage
{
    public IReadOnlyList<ReviewerRow> Reviewers { get; init; } = [];

    public InvitationForm Form { get; init; } = new();

    /// <summary>The invitation form's messages ("email", "displayName").</summary>
    public FormErrors Errors { get; init; } = new();

    /// <summary>What just happened ("invited", "disabled", "enabled", "resent").</summary>
    public string? Done { get; init; }
}

/// <summary>The invitation as posted.</summary>
public sealed class InvitationForm
{
    public string? Email { get; set; }

    public string? DisplayName { get; set; }
}

/// <summary>What the page was told after a change: <c>?done=invited</c>.</summary>
public sealed record ReviewersQuery(string? Done) : IQueryModel<ReviewersQuery>
{
    public static ReviewersQuery Read(QueryReader query) => new(query.Choice("done", ["invited", "resent", "disabled", "enabled"]));
}
