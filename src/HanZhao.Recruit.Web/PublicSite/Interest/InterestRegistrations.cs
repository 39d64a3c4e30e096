using System.Globalization;
using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Intakes;
using HanZhao.Recruit.Data.Interest;
using HanZhao.Recruit.Web.Notifications;
using HanZhao.Recruit.Web.Platform.Forms;
using HanZhao.Recruit.Web.Platform.Localization;
using HanZhao.Recruit.Web.Platform.Queries;
using HanZhao.Recruit.Web.Platform.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace HanZhao.Recruit.Web.PublicSite.Interest;

/// <summary>
/// 意向登记: a visitor leaves an address, a name, a program and a route to hear when an intake opens.
/// Double opt-in: the first email's link confirms; only confirmed registrations are told (see
/// <see cref="InterestAnnouncements"/>). Every answer is the same whether the address was new, known,
/// confirmed or unsubscribed, so the form tells nobody who registered. Links carry random tokens;
/// the database keeps their SHA-256 only.
/// </summary>
public sealed class InterestRegistrations(
    RecruitDbContext db,
    InterestEmails emails,
    IStringLocalizer<SharedResource> localizer,
    IOptions<InterestOptions> options,
    TimeProvider clock,
    DatabaseLimits limits,
    ILogger<InterestRegistrations> logger)
{
    /// <summary>The per-address limit's name in <see cref="DatabaseLimits"/>.</summary>
    private const string AddressLimitScope = "interest-registration";

    /// <summary>Longer than any token we issue (43 characters); anything longer is not worth hashing.</summary>
    private const int MaxTokenLength = 128;

    private const string UnknownConfirmLink =
        "This confirmation link is not valid. It may have been used already, replaced by a newer email, or cut off: copy the whole link from the latest email.";

    private const string ExpiredConfirmLink = "This confirmation link has expired. Links work for 7 days: register again to get a new one.";

    private const string UnknownUnsubscribeLink =
        "This unsubscribe link is not valid. Each email has its own link and the newest one always works: use the link in the latest email from us.";

    private readonly InterestOptions _options = options.Value;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Registers, or renews the registration of the same address and program (new links, the
    /// confirmation sent again, the name, route and language as now typed; confirmed or unsubscribed
    /// stays as it was until the new link is used). Done also when a bot filled the honeypot, with
    /// nothing stored. Refused with a message beside each wrong field, or about the whole form when the
    /// address has had its emails for now (<see cref="IsLimitReached"/>).
    /// </summary>
    public async Task<Outcome> RegisterAsync(InterestForm form, CancellationToken cancellationToken)
    {
        // Checked before anything else so a bot learns nothing from the messages either.
        if (!string.IsNullOrEmpty(form.Website))
        {
            logger.LogInformation("Interest registration ignored: the honeypot field was filled.");
            return Outcome.Done();
        }

        var errors = new FormErrors();
        var address = EmailAddresses.Check(form.Email);
        if (!address.IsValid)
        {
            errors.Add("email", localizer[address.Problem!]);
        }

        var name = CheckName(form.Name, errors);
        var program = CheckProgram(form.Program, errors);
        var route = program is { } chosen ? CheckRoute(form.Route, chosen, errors) : null;
        if (errors.Any || name is null || program is null || route is null)
        {
            return Outcome.Invalid(errors);
        }

        // One registration per address whatever its case: mail systems treat addresses so, and
        // applicant accounts are made in lower case too.
        var email = address.Address!.ToLowerInvariant();

        // Atomic in the database, across instances: concurrent requests cannot all pass one count.
        // Taken for known and unknown addresses alike, so the limit tells nothing either.
        if (!await limits.TryTakeAsync(AddressLimitScope, email, _options.AddressPermitLimit, _options.AddressWindow, cancellationToken))
        {
            return Outcome.Invalid(FormErrors.General(localizer[
                "Too many registrations were made for this address. Please use the latest email we sent, or try again in an hour."]));
        }

        var culture = CultureInfo.CurrentUICulture.IsChinese() ? Cultures.Chinese : Cultures.English;
        try
        {
            await SaveAsync(email, name, program.Value, route.Value, culture, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same address and program registered at the same moment by another request: the
            // unique index kept one row, which this request now renews.
            db.ChangeTracker.Clear();
            await SaveAsync(email, name, program.Value, route.Value, culture, cancellationToken);
        }

        return Outcome.Done();
    }

    /// <summary>Whether a refused registration met the per-address limit (a message about the whole form) rather than a wrong field.</summary>
    public static bool IsLimitReached(Outcome outcome) => outcome.Kind == OutcomeKind.Invalid && outcome.Errors.Has(string.Empty);

    /// <summary>
    /// Uses a confirmation link: once (of two clicks at the same moment exactly one confirms), within
    /// its lifetime. Confirming also undoes an earlier unsubscribe: the registrant asked again.
    /// Done with the program the registration is for; refused with why the link cannot be used.
    /// </summary>
    public async Task<Outcome<StudyPrograms>> ConfirmAsync(string? token, CancellationToken cancellationToken)
    {
        if (!IsPlausible(token))
        {
            return Refused(UnknownConfirmLink);
        }

        var hash = LinkTokens.Hash(token!);
        var registration = await db.InterestRegistrations.AsNoTracking().SingleOrDefaultAsync(r => r.ConfirmTokenHash == hash, cancellationToken);
        if (registration is null)
        {
            return Refused(UnknownConfirmLink);
        }

        var now = Now;
        var issuedAfter = now - _options.ConfirmLinkLifetime;
        if (registration.CreatedAtUtc <= issuedAfter)
        {
            return Refused(ExpiredConfirmLink);
        }

        // The conditional update is the lock; the hash of a token nobody has replaces the used one,
        // so the link works once.
        var spent = LinkTokens.Hash(LinkTokens.New());
        var confirmed = await db.InterestRegistrations
            .Where(r => r.Id == registration.Id && r.ConfirmTokenHash == hash && r.CreatedAtUtc > issuedAfter)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.ConfirmedAtUtc, now)
                .SetProperty(r => r.UnsubscribedAtUtc, (DateTime?)null)
                .SetProperty(r => r.ConfirmTokenHash, spent), cancellationToken);
        return confirmed == 1
            ? Outcome.Done(registration.Program)
            : Refused(UnknownConfirmLink);
    }

    /// <summary>
    /// Uses an unsubscribe link: no email about intakes goes to the registration from now on. Using it
    /// again is done too (a double click is not an error); a token no registration has is refused.
    /// </summary>
    public async Task<Outcome> UnsubscribeAsync(string? token, CancellationToken cancellationToken)
    {
        if (!IsPlausible(token))
        {
            return Refused(UnknownUnsubscribeLink);
        }

        var hash = LinkTokens.Hash(token!);
        var now = Now;
        var found = await db.InterestRegistrations
            .Where(r => r.UnsubscribeTokenHash == hash)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.UnsubscribedAtUtc, r => r.UnsubscribedAtUtc ?? now), cancellationToken);
        return found > 0 ? Outcome.Done() : Refused(UnknownUnsubscribeLink);
    }

    private static bool IsPlausible(string? token) => !string.IsNullOrEmpty(token) && token.Length <= MaxTokenLength;

    /// <summary>A link that cannot be used: why, about the page as a whole.</summary>
    private Outcome Refused(string message) => Outcome.Invalid(FormErrors.General(localizer[message]));

    /// <summary>Adds or renews the row and queues its confirmation, in one SaveChanges.</summary>
    private async Task SaveAsync(string email, string name, StudyPrograms program, AdmissionRoute route, string culture, CancellationToken cancellationToken)
    {
        var registration = await db.InterestRegistrations.SingleOrDefaultAsync(r => r.Email == email && r.Program == program, cancellationToken);
        if (registration is null)
        {
            registration = new InterestRegistration { Email = email, Program = program };
            db.InterestRegistrations.Add(registration);
        }

        var confirmToken = LinkTokens.New();
        var unsubscribeToken = LinkTokens.New();
        registration.Name = name;
        registration.Route = route;
        registration.Culture = culture;
        registration.ConfirmTokenHash = LinkTokens.Hash(confirmToken);
        registration.UnsubscribeTokenHash = LinkTokens.Hash(unsubscribeToken);
        // The confirmation link's lifetime runs from here: a renewal starts it again.
        registration.CreatedAtUtc = Now;
        db.QueueEmail(emails.Confirmation(registration, confirmToken, unsubscribeToken), Now);
        await db.SaveChangesAsync(cancellationToken);
    }

    private string? CheckName(string? typed, FormErrors errors)
    {
        var name = typed?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors.Add("name", localizer["Enter your name."]);
            return null;
        }

        if (name.Length > InterestForm.MaxNameLength)
        {
            errors.Add("name", localizer["A name has at most {0} characters.", InterestForm.MaxNameLength]);
            return null;
        }

        // A line break or another control character has no place in a name, and would travel into emails.
        if (name.Any(char.IsControl))
        {
            errors.Add("name", localizer["Write your name on one line, without special characters."]);
            return null;
        }

        return name;
    }

    private StudyPrograms? CheckProgram(string? typed, FormErrors errors)
    {
        if (QueryReader.NameOf(typed ?? string.Empty, InterestForm.Programs) is { } program)
        {
            return program;
        }

        errors.Add("program", localizer["Choose PhD or Master."]);
        return null;
    }

    /// <summary>One of the program's routes by name, or none for "not sure yet"; a route of the other program is refused.</summary>
    private AdmissionRoute? CheckRoute(string? typed, StudyPrograms program, FormErrors errors)
    {
        var text = typed?.Trim() ?? string.Empty;
        if (string.Equals(text, InterestForm.NotSure, StringComparison.OrdinalIgnoreCase))
        {
            return AdmissionRoute.None;
        }

        if (QueryReader.NameOf(text, InterestForm.RoutesOf(program).Select(g => g.Route)) is { } route)
        {
            return route;
        }

        errors.Add("route", localizer["Choose one of the routes of the program you chose, or “Not sure yet”."]);
        return null;
    }
}
