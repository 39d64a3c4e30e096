using System.Globalization;
using Microsoft.Extensions.Options;

namespace HanZhao.Recruit.Web.Privacy;

/// <summary>
/// How long personal data is kept, from "Recruit:Retention" (README "Retention (Recruit:Retention)").
/// The same numbers drive the retention job, the consent text, the professor's page and the tests
/// (<see cref="RetentionRules"/>), so the promise and the behaviour cannot drift apart.
/// </summary>
public sealed class RetentionOptions
{
    public const string Section = "Recruit:Retention";

    /// <summary>Rejected, withdrawn or offer declined: months after the intake's enrollment date (or after the application ended, if later).</summary>
    public int NotAdmittedMonths { get; set; } = 6;

    /// <summary>A draft never submitted: days after its last change.</summary>
    public int DraftDays { get; set; } = 90;

    /// <summary>Admitted (offer made or accepted): months after the enrollment date, until the professor sets their own on /review/settings/retention.</summary>
    public int AdmittedMonths { get; set; } = 36;

    /// <summary>The longest the professor may keep an admitted student's application: never "forever".</summary>
    public int MaxAdmittedMonths { get; set; } = 120;

    /// <summary>Submitted but never decided (still in review long after enrollment): months after the enrollment date.</summary>
    public int UndecidedMonths { get; set; } = 12;

    /// <summary>Bodies and addresses of sent emails: days after sending (the outbox keeps that a message was sent).</summary>
    public int OutboxDays { get; set; } = 90;

    /// <summary>The applicant's notice goes out this many days before the erasure, and nothing is erased sooner after it.</summary>
    public int NoticeDays { get; set; } = 28;

    /// <summary>Applications erased (or email bodies blanked) per batch.</summary>
    public int BatchSize { get; set; } = 50;
}

/// <summary>Refuses a configuration that would break the promise, at start, with the setting's name and what it must be.</summary>
public sealed class RetentionOptionsValidation : IValidateOptions<RetentionOptions>
{
    public ValidateOptionsResult Validate(string? name, RetentionOptions options)
    {
        var problems = new List<string>();
        void Range(string setting, int value, int min, int max)
        {
            if (value < min || value > max)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{RetentionOptions.Section}:{setting} must be a whole number from {min} to {max} (it is {value})."));
            }
        }

        Range(nameof(options.NoticeDays), options.NoticeDays, 1, 180);
        Range(nameof(options.NotAdmittedMonths), options.NotAdmittedMonths, 1, 120);
        // A draft must live longer than its notice, or the notice would be due the day it is started.
        Range(nameof(options.DraftDays), options.DraftDays, options.NoticeDays + 1, 3650);
        Range(nameof(options.MaxAdmittedMonths), options.MaxAdmittedMonths, 1, 600);
        Range(nameof(options.AdmittedMonths), options.AdmittedMonths, 1, options.MaxAdmittedMonths);
        Range(nameof(options.UndecidedMonths), options.UndecidedMonths, 1, 120);
        Range(nameof(options.OutboxDays), options.OutboxDays, 1, 3650);
        Range(nameof(options.BatchSize), options.BatchSize, 1, 10000);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
