using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Web.Platform.Forms;
using HanZhao.Recruit.Web.Platform.Queries;
using HanZhao.Recruit.Web.Review.Decisions;

namespace HanZhao.Recruit.Web.Review.Templates;

/// <summary>One status and language in the template list.</summary>
public sealed record TemplateRow(ApplicationStatus Status, string Culture, string Subject, bool IsDefault);

/// <summary>One official step and language in the template list.</summary>
public sealed record MilestoneTemplateRow(MilestoneKind Kind, string Culture, string Subject);

/// <summary>/review/templates: the status emails (editable) and the official steps' emails (built-in).</summary>
public sealed record TemplateListPage(IReadOnlyList<TemplateRow> Statuses, IReadOnlyList<MilestoneTemplateRow> Milestones);

/// <summary>The built-in email of an official step in one language, with the email it writes for a sample applicant.</summary>
public sealed record MilestoneTemplatePage(MilestoneKind Kind, string Culture, TemplateText Text, EmailPreview Preview);

/// <summary>The template editor: what is (or would be) saved, and the email it writes with sample values.</summary>
public sealed record TemplatePage(
    ApplicationStatus Status, string Culture, string Subject, string Body, bool IsDefault, EmailPreview? Preview, FormErrors Errors)
{
    public bool Saved { get; init; }

    public bool Restored { get; init; }
}

/// <summary>The editor as posted; <see cref="Preview"/> (the Preview button) only shows the email, saving nothing.</summary>
public sealed class TemplateForm
{
    public string? Subject { get; set; }

    public string? Body { get; set; }

    public string? Preview { get; set; }

    public bool IsPreview => Preview is not null;

    public TemplateText Text => new(Subject?.Trim() ?? "", Body?.Trim() ?? "");
}

/// <summary>What the editor was told after a change: <c>?saved=true</c> or <c>?restored=true</c>.</summary>
public sealed record TemplateQuery(bool Saved, bool Restored) : IQueryModel<TemplateQuery>
{
    public static TemplateQuery Read(QueryReader query) => new(query.Flag("saved"), query.Flag("restored"));
}
