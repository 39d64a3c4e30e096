using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Tests.Applicant;
using HanZhao.Recruit.Web.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HanZhao.Recruit.Tests.Privacy;

public class PersonalDataErasureTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task Erasing_an_applicant_leaves_no_row_of_theirs_and_no_trace_of_their_name_or_address_in_the_database_file()
    {
        var professor = await app.CreateUserAsync(Roles.Professor);
        var seeded = await app.ApplicantWithEverythingAsync(professor);
        var bystander = await app.ApplicantWithEverythingAsync(professor, applications: 1);

        var result = await EraseAsync(seeded.Applicant.Id, includeInterest: true);

        Assert.Equal(new ErasureResult(2, true), result);
        Assert.All(await app.RowsLeftAsync(seeded), row => Assert.True(row.Value == 0, $"{row.Key} keeps {row.Value} rows"));
        var text = await app.DatabaseFileTextAsync();
        Assert.DoesNotContain(seeded.Name, text, StringComparison.Ordinal);
        Assert.DoesNotContain(seeded.Email, text, StringComparison.OrdinalIgnoreCase);
        // Someone else's data is untouched, and the digest that named the erased applicant is kept, without the name.
        Assert.Contains(bystander.Name, text, StringComparison.Ordinal);
        Assert.Contains(await app.RowsLeftAsync(bystander), row => row.Key == "Applications" && row.Value == 1);
        await using var db = app.CreateDbContext();
        Assert.True(await db.EmailMessages.AnyAsync(m => m.Subject == "Digest: new application from " + PersonalDataErasure.Removed));
    }

    [Fact]
    public async Task The_audit_trail_keeps_one_entry_per_erased_application_with_reason_and_reference_hash_but_no_personal_data()
    {
        var professor = await app.CreateUserAsync(Roles.Professor);
        var seeded = await app.ApplicantWithEverythingAsync(professor);

        await EraseAsync(seeded.Applicant.Id, includeInterest: false);

        await using var db = app.CreateDbContext();
        foreach (var application in seeded.Applications)
        {
            var target = PersonalDataErasure.Target(application.Id);
            var erased = await db.AuditEntries.SingleAsync(e => e.Action == PersonalDataErasure.ErasedAction && e.Target == target);
            Assert.Equal($"Reason: RequestReceived; reference SHA-256: {PersonalDataErasure.ReferenceHash(application.ReferenceNumber)}", erased.Details);
            Assert.DoesNotContain(application.ReferenceNumber!, erased.Details, StringComparison.Ordinal);
            // Earlier entries about the application stay (what was done, when) without what they said.
            Assert.All(await db.AuditEntries.Where(e => e.Target == target && e.Action != PersonalDataErasure.ErasedAction).ToListAsync(),
                e => Assert.True(e.Details is null or PersonalDataErasure.Removed, e.Details));
        }

        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == PersonalDataErasure.AccountErasedAction && e.Details == "Reason: RequestReceived"));
        Assert.False(await db.AuditEntries.AnyAsync(e => e.UserId == seeded.Applicant.Id && e.UserEmail != null));
    }

    [Fact]
    public async Task Erasing_again_is_a_no_op_that_says_nothing_was_erased()
    {
        var professor = await app.CreateUserAsync(Roles.Professor);
        var seeded = await app.ApplicantWithEverythingAsync(professor, applications: 1);
        Assert.Equal(new ErasureResult(1, true), await EraseAsync(seeded.Applicant.Id, includeInterest: false));
        await using var before = app.CreateDbContext();
        var audit = await before.AuditEntries.CountAsync();

        var again = await EraseAsync(seeded.Applicant.Id, includeInterest: false);
        using var scope = app.Services.CreateScope();
        var byId = await scope.ServiceProvider.GetRequiredService<PersonalDataErasure>()
            .EraseApplicationAsync(seeded.Applications[0].Id, null, ErasureReason.Retention, CancellationToken.None);

        Assert.Equal(ErasureResult.Nothing, again);
        Assert.Equal(ErasureResult.Nothing, byId);
        await using var after = app.CreateDbContext();
        Assert.Equal(audit, await after.AuditEntries.CountAsync());
    }

    [Fact]
    public async Task Erasing_one_of_two_applications_keeps_the_other_and_the_account()
    {
        var professor = await app.CreateUserAsync(Roles.Professor);
        var seeded = await app.ApplicantWithEverythingAsync(professor);
        using var scope = app.Services.CreateScope();
        var erasure = scope.ServiceProvider.GetRequiredService<PersonalDataErasure>();

        var result = await erasure.EraseApplicationAsync(seeded.Applications[0].Id, null, ErasureReason.Retention, CancellationToken.None);

        Assert.Equal(new ErasureResult(1, false), result);
        await using var db = app.CreateDbContext();
        Assert.True(await db.Applications.AnyAsync(a => a.Id == seeded.Applications[1].Id));
        Assert.True(await db.Users.AnyAsync(u => u.Id == seeded.Applicant.Id));
        Assert.False(await db.ApplicationDocuments.AnyAsync(d => d.ApplicationId == seeded.Applications[0].Id));
        Assert.Null((await db.AuditEntries.SingleAsync(e => e.Action == PersonalDataErasure.ErasedAction && e.Target == PersonalDataErasure.Target(seeded.Applications[0].Id))).UserId);
    }

    [Fact]
    public async Task Concurrent_erasures_and_a_status_change_leave_no_half_erased_application()
    {
        var professor = await app.CreateUserAsync(Roles.Professor);
        var seeded = await app.ApplicantWithEverythingAsync(professor, applications: 1);
        var id = seeded.Applications[0].Id;

        async Task<ErasureResult> Erase()
        {
            using var scope = app.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<PersonalDataErasure>().EraseApplicationAsync(id, null, ErasureReason.Retention, CancellationToken.None);
        }

        async Task<int> ChangeStatus()
        {
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<RecruitDbContext>();
            return await db.Applications.Where(a => a.Id == id && a.Status == ApplicationStatus.UnderReview)
                .ExecuteUpdateAsync(set => set.SetProperty(a => a.Status, ApplicationStatus.Interview));
        }

        var erasures = new[] { Erase(), Erase(), Erase() };
        var change = ChangeStatus();
        var results = await Task.WhenAll(erasures);
        await change;

        Assert.Equal(1, results.Count(r => r.ApplicationsErased == 1));
        // One application erased (as the retention job does): interest registrations are kept, they are erased only on request.
        Assert.All((await app.RowsLeftAsync(seeded)).Where(row => row.Key != "InterestRegistrations"), row => Assert.True(row.Value == 0, $"{row.Key} keeps {row.Value} rows"));
        await using var db = app.CreateDbContext();
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == PersonalDataErasure.ErasedAction && e.Target == PersonalDataErasure.Target(id)));
    }

    [Fact]
    public async Task A_staff_account_is_never_erased_with_an_application()
    {
        var professor = await app.CreateUserAsync(Roles.Professor);
        var reviewerApplicant = await app.CreateApplicantAsync(role: Roles.Reviewer);
        var application = await app.CreateApplicationAsync(reviewerApplicant, ApplicationStatus.Submitted);
        using var scope = app.Services.CreateScope();

        var result = await scope.ServiceProvider.GetRequiredService<PersonalDataErasure>()
            .EraseApplicationAsync(application.Id, null, ErasureReason.EnteredByMistake, CancellationToken.None);

        Assert.Equal(new ErasureResult(1, false), result);
        await using var db = app.CreateDbContext();
        Assert.True(await db.Users.AnyAsync(u => u.Id == reviewerApplicant.Id));
        Assert.True(await db.Users.AnyAsync(u => u.Id == professor.Id));
    }

    /// <summary>
    /// Every entity that holds an application id, or hangs from one that does, is erased by the service:
    /// a table added later with an ApplicationId fails here until <see cref="PersonalDataErasure.ApplicationTables"/> covers it.
    /// </summary>
    [Fact]
    public void Every_entity_with_an_application_id_is_covered_by_the_erasure()
    {
        using var db = app.CreateDbContext();
        var entities = db.Model.GetEntityTypes().ToList();
        var about = new HashSet<Type> { typeof(Application) };
        bool grew;
        do
        {
            grew = false;
            foreach (var entity in entities.Where(e => !about.Contains(e.ClrType)))
            {
                var holdsId = entity.GetProperties().Any(p => p.Name.EndsWith("ApplicationId", StringComparison.Ordinal));
                var hangsFrom = entity.GetForeignKeys().Any(k => about.Contains(k.PrincipalEntityType.ClrType) && k.PrincipalEntityType.ClrType != typeof(Data.Identity.RecruitUser));
                if (holdsId || hangsFrom)
                {
                    grew = about.Add(entity.ClrType) || grew;
                }
            }
        }
        while (grew);

        var missing = about.Except(PersonalDataErasure.ApplicationTables).Select(t => t.Name).ToList();
        Assert.True(missing.Count == 0, "Not erased: " + string.Join(", ", missing));
        Assert.Contains(typeof(Data.Letters.LetterLink), about);
        Assert.Contains(typeof(Data.Notifications.EmailMessage), about);
    }

    private async Task<ErasureResult> EraseAsync(string applicantId, bool includeInterest)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PersonalDataErasure>()
            .EraseApplicantAsync(applicantId, null, ErasureReason.RequestReceived, includeInterest, CancellationToken.None);
    }
}
