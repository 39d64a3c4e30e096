using System.Globalization;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Web.Platform.Localization;
using Microsoft.Extensions.Localization;

namespace HanZhao.Recruit.Web.Applicant;

/// <summary>
/// Labels for statuses and document kinds. Written out as literal keys (not the enum names) so the
/// English reads naturally ("Under review") and the translation test sees every key.
/// </summary>
public static class PortalText
{
    public static string Status(ApplicationStatus status, IStringLocalizer localizer) => status switch
    {
        ApplicationStatus.Draft => localizer["Draft"],
        ApplicationStatus.Submitted => localizer["Submitted"],
        ApplicationStatus.UnderReview => localizer["Under review"],
        ApplicationStatus.Interview => localizer["Interview"],
        ApplicationStatus.Offer => localizer["Offer"],
        ApplicationStatus.Accepted => localizer["Accepted"],
        ApplicationStatus.Declined => localizer["Declined"],
        ApplicationStatus.Rejected => localizer["Not admitted"],
        ApplicationStatus.Withdrawn => localizer["Withdrawn"],
        _ => status.ToString(),
    };

    public static string Kind(DocumentKind kind, IStringLocalizer localizer) => kind switch
    {
        DocumentKind.Cv => localizer["CV"],
        DocumentKind.Transcript => localizer["Transcript"],
        DocumentKind.RankingCertificate => localizer["Ranking certificate"],
        DocumentKind.ResearchProposal => localizer["Research proposal"],
        DocumentKind.EnglishCertificate => localizer["English test certificate"],
        _ => localizer["Other document"],
    };

    /// <summary>"1 page", "12 pages"; empty when the pages were not counted.</summary>
    public static string Pages(int? count, IStringLocalizer localizer) => count switch
    {
        null => string.Empty,
        1 => localizer["1 page"],
        _ => localizer["{0} pages", count.Value],
    };

    /// <summary>What a PDF carries that a reader may run or open, listed in the page's language.</summary>
    public static string ActiveContent(PdfActiveContent found, IStringLocalizer localizer)
    {
        var kinds = new List<string>();
        if (found.HasFlag(PdfActiveContent.JavaScript))
        {
            kinds.Add(localizer["JavaScript"]);
        }

        if (found.HasFlag(PdfActiveContent.LaunchAction))
        {
            kinds.Add(localizer["an action that starts a program"]);
        }

        if (found.HasFlag(PdfActiveContent.EmbeddedFiles))
        {
            kinds.Add(localizer["attached files"]);
        }

        return string.Join(CultureInfo.CurrentUICulture.IsChinese() ? "、" : ", ", kinds);
    }

    /// <summary>"820 KB", "2.4 MB": units read the same in both languages.</summary>
    public static string Size(long bytes) => bytes < 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, (long)Math.Ceiling(bytes / 1024.0))} KB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.0} MB");

    /// <summary>Dates as ISO "2026-03-01" in both languages (as the join page shows deadlines).</summary>
    public static string Date(DateTime utc) => utc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The machine-readable form for &lt;time datetime&gt;; stored times are UTC.</summary>
    public static string IsoUtc(DateTime utc) => utc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
