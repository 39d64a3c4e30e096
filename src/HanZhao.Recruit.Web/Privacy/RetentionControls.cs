using System.Globalization;
using System.Security.Claims;
using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Review;
using HanZhao.Recruit.Web.Platform.Audit;
using HanZhao.Recruit.Web.Platform.Forms;
using HanZhao.Recruit.Web.Platform.Localization;
using HanZhao.Recruit.Web.Settings.Intakes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace HanZhao.Recruit.Web.Privacy;

/// <summary>The "keep longer" form: a date in Shanghai (yyyy-MM-dd) and why.</summary>
public sealed class KeepForm
{
    public string? Until { get; set; }

    public string? Reason { get; set; }
}

/// <summary>/review/retention: what is erased in the next <see cref="RetentionControls.HorizonDays"/> days, drafts apart.</summary>
public sealed record RetentionPage(IReadOnlyList<RetentionItem> Due, int Drafts, RetentionRules Rules, DateTime NowUtc);

/// <summary>/review/retention/{id}/keep: one application, its due date, and the form.</summary>
public sealed record KeepPage(RetentionItem Item, KeepForm Form, FormErrors Errors);

/// <summary>/review/settings/retention: months an admitted student's application is kept.</summary>
public sealed record RetentionSettingsPage(int Months, int Max, string? Typed, FormErrors Errors);

/// <summary>
/// The professor's side of retention: the coming erasures, "keep longer" for one application
/// (audited, with a required reason), and the months admitted students' applications are kept.
/// </summary>
public sealed class RetentionControls(RecruitDbContext db, RetentionPolicy policy, TimeProvider clock, IStringLocalizer<SharedResource> localizer)
{
    public const int HorizonDays = 30;

    public const string ExtendedAction = "RetentionExtended";

    public const string SettingsAction = "RetentionSettings";

    public const int MaxReasonWords = 200;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<RetentionPage> PageAsync(CancellationToken cancellationToken)
    {
        var rules = await policy.RulesAsync(cancellationToken);
        var horizon = Now.AddDays(HorizonDays);
        var due = (await policy.ScheduleAsync(rules, only: null, dueBy: horizon, cancellationToken)).Where(i => i.DueUtc <= horizon).ToList();
        // Drafts are the applicant's own until submitted: counted, not listed.
        return new RetentionPage([.. due.Where(i => i.Status != ApplicationStatus.Draft)], due.Count(i => i.Status == ApplicationStatus.Draft), rules, Now);
    }

    /// <summary>How many submitted applications are erased within the horizon (the dashboard's line).</summary>
    public async Task<int> CountDueAsync(CancellationToken cancellationToken) =>
        await CountDueAsync(await policy.SubmittedCountsAsync(cancellationToken), cancellationToken);

    /// <summary>The same, from every intake's count of submitted applications per status (the dashboard has them already).</summary>
    public async Task<int> CountDueAsync(IEnumerable<StatusCount> submitted, CancellationToken cancellationToken) =>
        await policy.CountDueAsync(await policy.RulesAsync(cancellationToken), Now.AddDays(HorizonDays), submitted, cancellationToken);

    /// <summary>The keep-longer page of a submitted application; null for no such application or a draft.</summary>
    public async Task<KeepPage?> KeepPageAsync(int id, KeepForm form, FormErrors errors, CancellationToken cancellationToken) =>
        await ItemAsync(id, cancellationToken) is { } item ? new KeepPage(item, form, errors) : null;

    private async Task<RetentionItem?> ItemAsync(int id, CancellationToken cancellationToken) =>
        (await policy.ScheduleAsync(await policy.RulesAsync(cancellationToken), [id], dueBy: null, cancellationToken))
            .SingleOrDefault(i => i.Status != ApplicationStatus.Draft);

    /// <summary>Keeps one submitted application until a later date. Not found: no such application, or a draft.</summary>
    public async Task<Outcome> KeepAsync(ClaimsPrincipal user, int id, KeepForm form, CancellationToken cancellationToken)
    {
        if (await ItemAsync(id, cancellationToken) is not { } item)
        {
            return Outcome.NotFound();
        }

        var errors = new FormErrors();
        var reason = form.Reason?.Trim() ?? string.Empty;
        var until = DateOnly.TryParseExact(form.Until?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : (DateOnly?)null;
        var latest = ShanghaiTime.Today(Now).AddMonths(policy.Options.MaxAdmittedMonths);
        if (until is not { } date)
        {
            errors.Add("Until", localizer["Enter a date as yyyy-MM-dd."]);
        }
        else if (ShanghaiTime.StartOfDayUtc(date) <= item.DueUtc || date <= ShanghaiTime.Today(Now))
        {
            errors.Add("Until", localizer["Choose a date after {0}, when it would be erased now.", ShanghaiTime.Date(item.DueUtc)]);
        }
        else if (date > latest)
        {
            errors.Add("Until", localizer["Choose a date no later than {0}.", latest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]);
        }

        if (reason.Length == 0)
        {
            errors.Add("Reason", localizer["Say why it is kept longer."]);
        }
        else if (TextLength.Count(reason) > MaxReasonWords || reason.Length > 2000)
        {
            errors.Add("Reason", localizer["At most {0} words.", MaxReasonWords]);
        }

        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        var keep = ShanghaiTime.StartOfDayUtc(until!.Value);
        // Conditional on the extension read, so two professors' tabs at once do not both audit a change.
        if (await db.Applications.Where(a => a.Id == id && a.KeepUntilUtc == item.KeepUntilUtc)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.KeepUntilUtc, keep), cancellationToken) == 0)
        {
            return Outcome.Invalid(FormErrors.General(localizer["It was changed at the same moment; look again."]));
        }

        db.Record(user, ExtendedAction, PersonalDataErasure.Target(id),
            string.Create(CultureInfo.InvariantCulture, $"Kept until {until:yyyy-MM-dd} (was {ShanghaiTime.Date(item.DueUtc)}): {reason}"), Now);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done();
    }

    public async Task<RetentionSettingsPage> SettingsAsync(CancellationToken cancellationToken) =>
        new((await policy.RulesAsync(cancellationToken)).AdmittedMonths, policy.Options.MaxAdmittedMonths, null, new FormErrors());

    /// <summary>Sets the months admitted students' applications are kept (1 to the configured maximum), audited.</summary>
    public async Task<Outcome<RetentionSettingsPage>> SaveSettingsAsync(ClaimsPrincipal user, string? months, CancellationToken cancellationToken)
    {
        var max = policy.Options.MaxAdmittedMonths;
        if (FormNumbers.WholeNumber(months, 1, max) is not { } value)
        {
            var page = (await SettingsAsync(cancellationToken)) with { Typed = months, Errors = FormErrors.Of("Months", localizer["Enter a whole number of months from 1 to {0}.", max]) };
            return Outcome.Invalid(page.Errors, page);
        }

        if (await db.ReviewSettings.Where(s => s.Id == ReviewSettings.SingletonId)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.AdmittedRetentionMonths, value), cancellationToken) == 0)
        {
            db.ReviewSettings.Add(new ReviewSettings { AdmittedRetentionMonths = value });
        }

        db.Record(user, SettingsAction, "Retention", string.Create(CultureInfo.InvariantCulture, $"Admitted students' applications kept {value} months after enrollment"), Now);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done(await SettingsAsync(cancellationToken));
    }
}
