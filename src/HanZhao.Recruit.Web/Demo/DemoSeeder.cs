using System.Globalization;
using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Data.Intakes;
using HanZhao.Recruit.Web.Apply;
using HanZhao.Recruit.Web.Platform.Audit;
using HanZhao.Recruit.Web.Platform.Hosting;
using HanZhao.Recruit.Web.Settings.Intakes;
using HanZhao.Recruit.Web.Review.Scoring;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Web.Demo;

/// <summary>
/// <c>--demo</c>: on a database that holds no real application (and no one's interest registration),
/// opens the next intake and adds <see cref="DemoApplicants.Count"/> fictional applications, so a
/// newcomer can try the applicant's and the professor's sides at once. Refused, with the reason in
/// the log, when real people's data is there; adds nothing when demo data is already there. Creates
/// no account anyone can sign in to: the demo co-reviewer and applicants have no password, and the
/// professor signs in as on any first start.
/// </summary>
public sealed class DemoSeeder(
    RecruitDbContext db,
    UserManager<RecruitUser> users,
    TimeProvider clock,
    DemoOptions options,
    DemoBanner banner,
    OperatorConsole console,
    ScoreFigures figures,
    ILogger<DemoSeeder> logger)
{
    /// <summary>Called once at start, after the migrations and the content seed; tells the banner what is there either way.</summary>
    public static async Task RunAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedOrLookAsync(CancellationToken.None);
    }

    private async Task SeedOrLookAsync(CancellationToken cancellationToken)
    {
        if (options.Requested)
        {
            await SeedIfAllowedAsync(cancellationToken);
        }

        banner.Remember(await db.Applications.AnyAsync(a => a.IsDemo, cancellationToken));
    }

    private async Task SeedIfAllowedAsync(CancellationToken cancellationToken)
    {
        var real = await db.Applications.CountAsync(a => !a.IsDemo, cancellationToken);
        var registrations = await db.InterestRegistrations.CountAsync(cancellationToken);
        if (real > 0 || registrations > 0)
        {
            // Demo data among real people's would be mixed into their lists, counts and emails.
            logger.LogWarning(
                "--demo refused: the database holds {Applications} real applications and {Registrations} interest registrations. Nothing was added; the app starts as usual.",
                real, registrations);
            console.Announce([
                "--demo refused: this database holds real applications or interest registrations.",
                "Nothing was added. Use --demo with a new, empty database to try the site.",
            ]);
            return;
        }

        if (await db.Applications.AnyAsync(a => a.IsDemo, cancellationToken))
        {
            logger.LogInformation("--demo: the demo data is already there; nothing was added.");
            return;
        }

        // All or nothing: a start that fails halfway leaves no half-filled demo behind.
        var intake = await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var opened = await SeedAsync(ct);
            await transaction.CommitAsync(ct);
            return opened;
        }, cancellationToken);

        logger.LogWarning("--demo: opened intake {Intake} and added {Count} fictional applications. Every page shows a demo banner.", intake.Code, DemoApplicants.Count);
        console.Announce([
            $"Demo data: intake {intake.Code} is open and holds {DemoApplicants.Count} fictional applications.",
            "Every page shows a banner while they exist. The professor signs in as on any first start.",
        ]);
    }

    private async Task<Intake> SeedAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var intake = await NextIntake.OpenAsync(db, now, cancellationToken);
        var interests = await db.ResearchInterests.OrderBy(i => i.SortOrder).Select(i => i.Id).ToListAsync(cancellationToken);
        var reviewer = await CreateUserAsync(DemoApplicants.ReviewerEmail, Roles.Reviewer, "en", DemoApplicants.ReviewerName, now);
        for (var number = 1; number <= DemoApplicants.Count; number++)
        {
            var applicant = await CreateUserAsync(DemoApplicants.Email(number), Roles.Applicant, DemoApplicants.Culture(number), null, now);
            var application = DemoApplicants.Create(number, applicant.Id, intake, interests, now);
            db.Applications.Add(application);
            // The reference number is made from the id, which the first save gives.
            await db.SaveChangesAsync(cancellationToken);
            application.ReferenceNumber = ReferenceNumbers.For(application, intake);
            if (DemoApplicants.Score(application, reviewer.Id, number, now) is { } score)
            {
                db.ApplicationScores.Add(score);
                db.ReviewerAssignments.Add(new() { ApplicationId = application.Id, ReviewerId = reviewer.Id, AssignedAtUtc = now });
            }

            if (DemoApplicants.Note(application, reviewer.Id, number, now) is { } note)
            {
                db.ApplicationNotes.Add(note);
            }

            await db.SaveChangesAsync(cancellationToken);
            // Keeps the change tracker (and memory) small: each application's PDFs are done with.
            db.ChangeTracker.Clear();
        }

        // The list's stored score figures, in the seeding transaction like every score change.
        await figures.RecomputeAsync(cancellationToken);
        db.LabMembers.AddRange(DemoLabMembers.Create(now));
        db.Record(null, "Demo", "Intake " + intake.Code,
            string.Create(CultureInfo.InvariantCulture, $"--demo: opened the intake and added {DemoApplicants.Count} fictional applications"), now);
        await db.SaveChangesAsync(cancellationToken);
        return intake;
    }

    /// <summary>
    /// An account without a password: nobody signs in to it (an applicant could only by a link sent to
    /// example.org). One left by earlier demo data whose applications are gone is used again.
    /// </summary>
    private async Task<RecruitUser> CreateUserAsync(string email, string role, string culture, string? displayName, DateTime now)
    {
        var user = await users.FindByEmailAsync(email);
        var created = IdentityResult.Success;
        if (user is null)
        {
            user = new RecruitUser
            {
                UserName = email, Email = email, EmailConfirmed = true, PreferredCulture = culture, DisplayName = displayName, CreatedAtUtc = now,
            };
            created = await users.CreateAsync(user);
        }

        var added = !created.Succeeded || await users.IsInRoleAsync(user, role) ? created : await users.AddToRoleAsync(user, role);
        return added.Succeeded
            ? user
            : throw new InvalidOperationException($"The demo account {email} could not be created: " + string.Join("; ", added.Errors.Select(e => e.Description)));
    }
}
