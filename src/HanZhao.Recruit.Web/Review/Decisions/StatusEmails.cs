using System.Globalization;
using System.Text.RegularExpressions;
using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Intakes;
using HanZhao.Recruit.Web.Notifications;
using HanZhao.Recruit.Web.Platform.Localization;
using HanZhao.Recruit.Web.Review.Templates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace HanZhao.Recruit.Web.Review.Decisions;

/// <summary>
/// What the placeholders of a template are filled with. <see cref="Date"/> and <see cref="Deadline"/>
/// belong to the official milestones' emails ({date}: the day of the step; {deadline}: a 待录取 notice's).
/// </summary>
public sealed record EmailValues(string Name, string Reference, StudyPrograms Program, string Intake)
{
    public string? Date { get; init; }

    public string? Deadline { get; init; }
}

/// <summary>A template written out in the applicant's language, ready to be built with its catalogue entry.</summary>
public sealed record WrittenTemplate(EmailWriter Writer, string Subject, string ToName, string Footer);

/// <summary>
/// Writes the email for a status: the professor's template for that status and language when one is
/// saved, the built-in one otherwise. Placeholders are filled with plain values and the result goes
/// through <see cref="EmailWriter"/>, which encodes everything, so a name like &lt;script&gt; stays text.
/// </summary>
public sealed partial class StatusEmails(RecruitDbContext db, IStringLocalizer<SharedResource> localizer)
{
    /// <summary>The template in force for a status and language, and whether it is the built-in one.</summary>
    public async Task<(TemplateText Text, bool IsDefault)?> FindAsync(ApplicationStatus status, string culture, CancellationToken cancellationToken)
    {
        culture = DefaultTemplates.Normalize(culture);
        if (DefaultTemplates.For(status, culture) is not { } builtIn)
        {
            return null;
        }

        var saved = await db.EmailTemplates.AsNoTracking()
            .Where(t => t.Status == status && t.Culture == culture)
            .Select(t => new TemplateText(t.Subject, t.Body))
            .FirstOrDefaultAsync(cancellationToken);
        return saved is null ? (builtIn, true) : (saved, false);
    }

    /// <summary>The email for <paramref name="status"/>, in <paramref name="culture"/>, filled with <paramref name="values"/>.</summary>
    public EmailDraft Render(
        TemplateText template, ApplicationStatus status, string culture, EmailValues values, string toAddress, string? applicantPageUrl)
    {
        var written = Write(template, culture, values, applicantPageUrl, []);
        return written.Writer.Build(EmailCatalogue.ForStatus(status), toAddress, written.ToName, written.Subject, written.Footer);
    }

    /// <summary>
    /// Writes <paramref name="template"/> in <paramref name="culture"/>: its paragraphs filled with
    /// <paramref name="values"/>, the reference, program and intake (then <paramref name="moreFacts"/>, written
    /// by the caller in <paramref name="culture"/>) listed under it, and the link to the applicant's page. The
    /// caller builds the email with its <see cref="EmailCatalogue"/> entry.
    /// </summary>
    public WrittenTemplate Write(
        TemplateText template, string culture, EmailValues values, string? applicantPageUrl, IReadOnlyList<(string Label, string Value)> moreFacts)
    {
        culture = DefaultTemplates.Normalize(culture);
        // The email is written in the applicant's language, not the language of this request.
        using var scope = CultureScope.Use(culture);
        var language = CultureInfo.CurrentUICulture.Name;
        var program = values.Program == StudyPrograms.None ? "—" : localizer[values.Program.ToString()].Value;
        var filled = new EmailValues(OneLine(values.Name), OneLine(values.Reference), values.Program, OneLine(values.Intake))
        {
            Date = values.Date is null ? null : OneLine(values.Date),
            Deadline = values.Deadline is null ? null : OneLine(values.Deadline),
        };

        var writer = new EmailWriter(language);
        foreach (var paragraph in Paragraphs(Fill(template.Body, filled, program)))
        {
            writer.Paragraph(paragraph);
        }

        writer.Facts(
        [
            (localizer["Reference number"], filled.Reference),
            (localizer["Program"], program),
            (localizer["Intake"], filled.Intake),
            .. moreFacts.Select(f => (f.Label, OneLine(f.Value))),
        ]);
        if (applicantPageUrl is not null)
        {
            writer.Button(localizer["See your applications"], applicantPageUrl + "?culture=" + Uri.EscapeDataString(language));
        }

        // A subject is a header: one line, whatever the template or the name holds.
        var subject = OneLine(Fill(template.Subject, filled, program));
        return new WrittenTemplate(writer, subject, filled.Name, localizer["Han Zhao's group, Shanghai Jiao Tong University"]);
    }

    /// <summary>Values that show what a template looks like, for the template editor.</summary>
    public static EmailValues Sample(string culture) =>
        DefaultTemplates.Normalize(culture) == Cultures.Chinese
            ? new EmailValues("李明", "HZ-2026-00042", StudyPrograms.PhD, "2027.09")
            : new EmailValues("Li Ming", "HZ-2026-00042", StudyPrograms.PhD, "2027.09");

    /// <summary>Placeholders in <paramref name="text"/> that are not one of the four known ones.</summary>
    public static IReadOnlyList<string> UnknownPlaceholders(string text) =>
        [.. Placeholder().Matches(text).Select(m => m.Value).Where(p => !DefaultTemplates.Placeholders.Contains(p)).Distinct()];

    private static string Fill(string text, EmailValues values, string program) =>
        text.Replace("{name}", values.Name, StringComparison.Ordinal)
            .Replace("{reference}", values.Reference, StringComparison.Ordinal)
            .Replace("{program}", program, StringComparison.Ordinal)
            .Replace("{intake}", values.Intake, StringComparison.Ordinal)
            .Replace("{date}", values.Date ?? "—", StringComparison.Ordinal)
            .Replace("{deadline}", values.Deadline ?? "—", StringComparison.Ordinal);

    // Blank lines separate paragraphs; single line breaks stay inside one (a signature).
    private static IEnumerable<string> Paragraphs(string body) =>
        BlankLines().Split(body.ReplaceLineEndings("\n").Trim()).Select(p => p.Trim()).Where(p => p.Length > 0);

    private static string OneLine(string value) =>
        string.Join(' ', value.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim() is { Length: > 0 } line
            ? new string([.. line.Where(c => !char.IsControl(c))])
            : "—";

    [GeneratedRegex(@"\{[A-Za-z_]+\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\n\s*\n")]
    private static partial Regex BlankLines();
}
