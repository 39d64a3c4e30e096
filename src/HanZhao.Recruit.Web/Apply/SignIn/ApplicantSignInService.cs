using System.Globalization;
using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Web.Notifications;
using HanZhao.Recruit.Web.Platform.Forms;
using HanZhao.Recruit.Web.Platform.Hosting;
using HanZhao.Recruit.Web.Platform.Localization;
using HanZhao.Recruit.Web.Platform.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace HanZhao.Recruit.Web.Apply.SignIn;

/// <summary>
/// Passwordless sign-in for applicants: a one-time link is emailed, and using it signs in as that
/// address, creating the account on first use. Nothing here tells a visitor whether an address
/// already has an account.
/// </summary>
public sealed class ApplicantSignInService(
    RecruitDbContext db,
    UserManager<RecruitUser> users,
    SignInManager<RecruitUser> signIn,
    IStringLocalizer<SharedResource> localizer,
    IOptions<ApplicantSignInOptions> options,
    SiteAddress site,
    TimeProvider clock,
    ILogger<ApplicantSignInService> logger,
    DatabaseLimits limits)
{
    public const string ConfirmPath = "/apply/signin/confirm";
    public const string DefaultReturnPath = "/applicant";

    /// <summary>The per-address limit's name in <see cref="DatabaseLimits"/>.</summary>
    private const string AddressLimitScope = "signin-link";

    /// <summary>The column's size; a longer path is not one our own redirects produce.</summary>
    private const int MaxReturnPathLength = 500;

    /// <summary>Longer than any token we issue (43 characters); anything longer is garbage, not worth hashing.</summary>
    private const int MaxTokenLength = 128;

    private readonly ApplicantSignInOptions _options = options.Value;

    /// <summary>
    /// Validates the form, applies the per-address limit, stores a link and queues its email. The
    /// link starts with the site's own address (<see cref="SiteAddress"/>), never with the request's host.
    /// Done when a link was sent, and also when a bot filled the honeypot: it sees the same page as a
    /// person, but nothing is stored. Refused with a message beside "email", or, when the address has
    /// had its links for now, with one about the form as a whole (<see cref="IsLimitReached"/>).
    /// </summary>
    public async Task<Outcome> RequestLinkAsync(SignInRequestForm form, CancellationToken cancellationToken)
    {
        // Checked before the address so a bot learns nothing from validation messages either.
        if (!string.IsNullOrEmpty(form.Website))
        {
            logger.LogInformation("Sign-in link request ignored: the honeypot field was filled.");
            return Outcome.Done();
        }

        // One rule for addresses (EmailAddresses): refused here with a message, or normalized, so
        // "Prof@Example.org." is the professor's address and every link sent can sign in.
        var address = EmailAddresses.Check(form.Email);
        if (!address.IsValid)
        {
            return Outcome.Invalid("email", localizer[address.Problem!]);
        }

        var email = address.Address!;
        var normalizedEmail = users.NormalizeEmail(email);
        var now = clock.GetUtcNow().UtcDateTime;

        // Kept in the database, so it holds across restarts and instances, and taken in one atomic
        // step, so 200 requests arriving together cannot all pass the same count.
        if (!await limits.TryTakeAsync(AddressLimitScope, normalizedEmail, _options.AddressPermitLimit, _options.AddressWindow, cancellationToken))
        {
            // The same answer for every address, with or without an account.
            return Outcome.Invalid(FormErrors.General(localizer[
                "Too many sign-in links were requested for this address. Please use the latest email we sent, or wait 15 minutes and try again."]));
        }

        var culture = CultureInfo.CurrentUICulture.IsChinese() ? Cultures.Chinese : Cultures.English;
        var token = LinkTokens.New();
        db.SignInLinks.Add(new SignInLink
        {
            NormalizedEmail = normalizedEmail,
            Culture = culture,
            TokenHash = LinkTokens.Hash(token),
            CreatedAtUtc = now,
            ExpiresAtUtc = now + _options.LinkLifetime,
            ReturnPath = LocalPathOrNull(form.ReturnPath),
        });

        var link = site.Link($"{ConfirmPath}?token={token}");
        db.QueueEmail(WriteEmail(email, culture, link), now);

        // One SaveChanges: the link and its email commit together or not at all.
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done();
    }

    /// <summary>Whether a refused request met the per-address limit (a message about the whole form) rather than a wrong address.</summary>
    public static bool IsLimitReached(Outcome outcome) => outcome.Kind == OutcomeKind.Invalid && !outcome.Errors.Has("email");

    /// <summary>
    /// Uses the link: marks it used (once, even under two simultaneous clicks), finds or creates
    /// the applicant and signs them in, replacing whoever was signed in before in this browser.
    /// Done with the local path to go to; refused with why the link cannot be used.
    /// </summary>
    public async Task<Outcome<SignInLinkUse>> ConfirmAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
        {
            return Refused(SignInLinkProblem.Unknown);
        }

        var hash = LinkTokens.Hash(token);
        var link = await db.SignInLinks.AsNoTracking().SingleOrDefaultAsync(l => l.TokenHash == hash, cancellationToken);
        if (link is null)
        {
            return Refused(SignInLinkProblem.Unknown);
        }

        if (link.UsedAtUtc is not null)
        {
            return Refused(SignInLinkProblem.AlreadyUsed);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (link.ExpiresAtUtc <= now)
        {
            return Refused(SignInLinkProblem.Expired);
        }

        var user = await users.FindByEmailAsync(link.NormalizedEmail);
        if (user is not null && await IsStaffAsync(user))
        {
            logger.LogWarning("A sign-in link was used for the staff account {UserId}; refused.", user.Id);
            return Refused(SignInLinkProblem.StaffAccount);
        }

        // The conditional update is the lock: of two concurrent clicks exactly one changes the row.
        var claimed = await db.SignInLinks
            .Where(l => l.Id == link.Id && l.UsedAtUtc == null && l.ExpiresAtUtc > now)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.UsedAtUtc, now), cancellationToken);
        if (claimed == 0)
        {
            return Refused(SignInLinkProblem.AlreadyUsed);
        }

        user ??= await CreateApplicantAsync(link, now);
        if (!await users.IsInRoleAsync(user, Roles.Applicant))
        {
            // An account made some other way (or before roles existed) becomes an applicant by using a link.
            await users.AddToRoleAsync(user, Roles.Applicant);
        }

        // Lockout is deliberately not checked: it counts failed password attempts, and applicants
        // have no password, so anyone could otherwise lock an applicant out by guessing at the
        // staff sign-in page with their address.
        // Whoever was signed in in this browser leaves first: the link signs in as its own address.
        if (signIn.IsSignedIn(signIn.Context.User))
        {
            await signIn.SignOutAsync();
        }

        // A session cookie: it ends with the browser, and a new link is one email away.
        await signIn.SignInAsync(user, isPersistent: false);
        return Outcome.Done(new SignInLinkUse(link.ReturnPath ?? DefaultReturnPath));
    }

    /// <summary>
    /// The path itself when it is local ("/apply?x=1"), else null. "//host" and "/\host" are
    /// protocol-relative to browsers, so they are refused like absolute URLs.
    /// </summary>
    public static string? LocalPathOrNull(string? path) =>
        !string.IsNullOrEmpty(path)
        && path.Length <= MaxReturnPathLength
        && path[0] == '/'
        && (path.Length == 1 || (path[1] != '/' && path[1] != '\\'))
        && !path.Any(char.IsControl)
            ? path
            : null;

    private static Outcome<SignInLinkUse> Refused(SignInLinkProblem problem) => Outcome.Invalid(new FormErrors(), new SignInLinkUse(null, problem));

    private async Task<bool> IsStaffAsync(RecruitUser user) =>
        await users.IsInRoleAsync(user, Roles.Professor) || await users.IsInRoleAsync(user, Roles.Reviewer);

    private async Task<RecruitUser> CreateApplicantAsync(SignInLink link, DateTime now)
    {
        // The link keeps only the normalized (upper-case) address; mail systems treat addresses
        // case-insensitively in practice, and lower case is how people write them.
        var email = link.NormalizedEmail.ToLowerInvariant();
        var user = new RecruitUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true, // using the link proves the address
            PreferredCulture = link.Culture,
            CreatedAtUtc = now,
        };
        IdentityResult created;
        try
        {
            created = await users.CreateAsync(user);
        }
        catch (DbUpdateException)
        {
            // Lost a race with a concurrent first sign-in: the unique index refused the second row.
            db.Entry(user).State = EntityState.Detached;
            created = IdentityResult.Failed();
        }

        if (!created.Succeeded)
        {
            // Another link for the same address may have created the account a moment ago.
            return await users.FindByEmailAsync(link.NormalizedEmail)
                   ?? throw new InvalidOperationException(
                       "Could not create the applicant account: " + string.Join("; ", created.Errors.Select(e => e.Code)));
        }

        return user;
    }

    /// <summary>Written in the visitor's language: the request runs in it, so the localizer answers in it.</summary>
    private EmailDraft WriteEmail(string email, string culture, string link) =>
        new EmailWriter(culture)
            .Heading(localizer["Sign in to apply"].Value)
            .Paragraph(localizer["Use this link to sign in to your application to Han Zhao's group at Shanghai Jiao Tong University."].Value)
            .Button(localizer["Sign in"].Value, link)
            .Paragraph(localizer["The link expires in 15 minutes and works once."].Value)
            .Paragraph(localizer["If you did not ask for it, ignore this email: nobody can sign in without the link."].Value)
            .Build(EmailCatalogue.SignInLink, email, null, localizer["Your sign-in link"].Value, localizer["Han Zhao's group, Shanghai Jiao Tong University"].Value);
}
