using System.Security.Cryptography;
using System.Text;
using HanZhao.Recruit.Web.Platform.Localization;
using HanZhao.Recruit.Web.Settings.Intakes;
using Microsoft.Extensions.Localization;

namespace HanZhao.Recruit.Web.Privacy;

/// <summary>The consent text for one intake in one language, and its version.</summary>
public sealed record ConsentWording(string Version, IReadOnlyList<string> Paragraphs, string Agreement)
{
    /// <summary>What an application stores: the paragraphs and the sentence ticked, one per line.</summary>
    public string Text => string.Join("\n", [.. Paragraphs, Agreement]);
}

/// <summary>
/// The consent text applicants agree to, written from the retention settings in force
/// (<see cref="RetentionRules"/>), so the promise states what the retention job does. Its version is
/// the first 12 hex digits of the SHA-256 of the English and the Chinese text together: it changes
/// whenever a word of either changes (a setting, the enrollment date, a translation) and cannot drift
/// from the text the way a number bumped by hand could.
/// </summary>
public sealed class ConsentText(RetentionPolicy policy, IStringLocalizer<SharedResource> localizer)
{
    public async Task<ConsentWording> ForAsync(DateOnly enrollmentDate, string culture, CancellationToken cancellationToken) =>
        Write(await policy.RulesAsync(cancellationToken), enrollmentDate, culture);

    public ConsentWording Write(RetentionRules rules, DateOnly enrollmentDate, string culture)
    {
        var version = Version(rules, enrollmentDate);
        using var scope = CultureScope.Use(culture);
        var (paragraphs, agreement) = Sentences(rules, enrollmentDate);
        return new ConsentWording(version, paragraphs, agreement);
    }

    public string Version(RetentionRules rules, DateOnly enrollmentDate)
    {
        var text = new StringBuilder();
        foreach (var culture in Cultures.Supported)
        {
            using var scope = CultureScope.Use(culture);
            var (paragraphs, agreement) = Sentences(rules, enrollmentDate);
            text.AppendJoin('\n', paragraphs).Append('\n').Append(agreement).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..12];
    }

    /// <summary>The text in the current culture.</summary>
    private (List<string> Paragraphs, string Agreement) Sentences(RetentionRules rules, DateOnly enrollmentDate)
    {
        var enrollment = ShanghaiTime.Date(RetentionRules.EnrollmentStartsUtc(enrollmentDate));
        var retention = string.Join(" ", [
            localizer["Retention: if you are not admitted, withdraw or decline an offer, your application and documents are erased {0} after the intake's enrollment date ({1}), or {0} after your application ended if that is later.",
                Months(rules.NotAdmittedMonths), enrollment].Value,
            localizer["If you are admitted, they are kept for {0} after the enrollment date, then erased.", Months(rules.AdmittedMonths)].Value,
            localizer["An application still undecided {0} after the enrollment date is erased then.", Months(rules.UndecidedMonths)].Value,
            localizer["A draft you never submit is erased {0} after your last change.", Days(rules.DraftDays)].Value,
            localizer["We email you {0} before anything is erased, with a link to download your data first; you can download or erase your data at any time on your applicant page.", Days(rules.NoticeDays)].Value,
        ]);
        return ([
            localizer["Purpose: your data is used only to assess your application to Han Zhao's group at Shanghai Jiao Tong University and to contact you about it. It is seen by Professor Han Zhao and the co-reviewers he assigns, and is not shared with anyone else."].Value,
            retention,
            localizer["Legal basis: your consent under China's Personal Information Protection Law (PIPL) and, where it applies, the EU GDPR."].Value,
        ], localizer["I consent to the processing of my personal data for this application as described above."].Value);
    }

    private string Months(int months) => localizer.Count(months, "{0} month", "{0} months");

    private string Days(int days) => localizer.Count(days, "{0} day", "{0} days");
}
