using System.Net;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Data.Intakes;
using HanZhao.Recruit.Data.Review;
using HanZhao.Recruit.Web.Platform.Audit;
using HanZhao.Recruit.Web.Review.Duplicates;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Tests.Review.Duplicates;

public class DuplicateKeysTests
{
    [Theory]
    [InlineData("+86 138 0013 8000")]
    [InlineData("0086-138-0013-8000")]
    [InlineData("86 13800138000")]
    [InlineData("138 0013 8000")]
    [InlineData("(138) 0013-8000")]
    public void Phone_numbers_compare_as_digits_without_the_country_code(string typed) =>
        Assert.Equal("13800138000", DuplicateKeys.Phone(typed));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("n/a")]
    [InlineData("+86 123")]
    public void Too_few_digits_are_no_phone_number(string? typed) => Assert.Null(DuplicateKeys.Phone(typed));

    [Fact]
    public void A_local_number_that_starts_with_86_keeps_its_digits() => Assert.Equal("8621345678", DuplicateKeys.Phone("8621345678"));

    [Fact]
    public void Names_and_institutions_compare_ignoring_case_and_spaces()
    {
        Assert.Equal(DuplicateKeys.NameAndInstitution("Li  Ming", "Fudan University"), DuplicateKeys.NameAndInstitution(" li ming", "FUDAN university "));
        Assert.Equal(DuplicateKeys.NameAndInstitution("李 明", "复旦　大学"), DuplicateKeys.NameAndInstitution("李明", "复旦大学"));
        Assert.NotEqual(DuplicateKeys.NameAndInstitution("Li Ming", "Fudan University"), DuplicateKeys.NameAndInstitution("Li Ming", "Peking University"));
        Assert.Null(DuplicateKeys.NameAndInstitution("Li Ming", "  "));
        Assert.Null(DuplicateKeys.NameAndInstitution(null, "Fudan University"));
    }
}

public class PossibleDuplicateTests(RecruitAppFactory app) : IClassFixture<RecruitAppFactory>
{
    [Fact]
    public async Task The_same_phone_flags_both_applications_with_a_link_to_the_other_and_why()
    {
        var first = await CreateApplicationAsync(a => a.Phone = "+86 139 1234 5678");
        var second = await CreateApplicationAsync(a => a.Phone = "0086-13912345678");
        var unrelated = await CreateApplicationAsync(a => a.Phone = "+86 139 1234 5679");

        using var client = await app.CreateClientSignedInAsync(Roles.Professor);
        var firstPage = await client.GetStringAsync($"/review/applications/{first.Id}");
        var secondPage = await client.GetStringAsync($"/review/applications/{second.Id}");

        Assert.Contains($"data-duplicate=\"{second.Id}\"", firstPage, StringComparison.Ordinal);
        Assert.Contains($"href=\"/review/applications/{second.Id}\"", firstPage, StringComparison.Ordinal);
        Assert.Contains("same phone number", firstPage, StringComparison.Ordinal);
        Assert.Contains($"data-duplicate=\"{first.Id}\"", secondPage, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-duplicate=\"{unrelated.Id}\"", firstPage, StringComparison.Ordinal);
        Assert.DoesNotContain("data-duplicates", await client.GetStringAsync($"/review/applications/{unrelated.Id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_name_and_institution_in_either_script_and_an_identical_document_are_flagged_in_both_languages()
    {
        var institution = "Tongji " + Guid.NewGuid().ToString("N")[..8];
        var chinese = "张" + Guid.NewGuid().ToString("N")[..4];
        var hash = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + new string('0', 32);
        var first = await CreateApplicationAsync(a => (a.FullName, a.ChineseName, a.Institution) = ("Zhang  Wei", chinese, institution), hash);
        var byName = await CreateApplicationAsync(a => (a.FullName, a.Institution) = ("zhang wei", institution.ToUpperInvariant()));
        var byChineseName = await CreateApplicationAsync(a => (a.FullName, a.ChineseName, a.Institution) = ("Wei Zhang", chinese, " " + institution));
        var byDocument = await CreateApplicationAsync(a => a.FullName = "Somebody Else", hash);
        var sameNameElsewhere = await CreateApplicationAsync(a => (a.FullName, a.Institution) = ("Zhang Wei", "Elsewhere " + institution));

        using var client = await app.CreateClientSignedInAsync(Roles.Professor);
        var page = await client.GetStringAsync($"/review/applications/{first.Id}");
        var chinesePage = await client.GetStringAsync($"/review/applications/{first.Id}?culture=zh-CN");

        Assert.Contains("same name and institution", Item(page, byName.Id), StringComparison.Ordinal);
        Assert.Contains("same Chinese name and institution", Item(page, byChineseName.Id), StringComparison.Ordinal);
        Assert.Contains("an identical document", Item(page, byDocument.Id), StringComparison.Ordinal);
        Assert.DoesNotContain($"data-duplicate=\"{sameNameElsewhere.Id}\"", page, StringComparison.Ordinal);
        Assert.Contains("可能是同一人", chinesePage, StringComparison.Ordinal);
        Assert.Contains("相同的文件", Item(chinesePage, byDocument.Id), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_applications_of_the_same_account_are_not_flagged()
    {
        var applicant = await app.CreateUserAsync(Roles.Applicant);
        var phd = await CreateApplicationAsync(a => a.Phone = "+86 137 0000 1111", applicant: applicant);
        var master = await CreateApplicationAsync(a => (a.Phone, a.Program) = ("13700001111", StudyPrograms.Master), applicant: applicant);

        using var client = await app.CreateClientSignedInAsync(Roles.Professor);

        Assert.DoesNotContain($"data-duplicate=\"{master.Id}\"", await client.GetStringAsync($"/review/applications/{phd.Id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_co_reviewer_sees_flags_only_among_applications_assigned_to_them_and_cannot_dismiss()
    {
        var first = await CreateApplicationAsync(a => a.Phone = "+86 136 5555 0001");
        var hidden = await CreateApplicationAsync(a => a.Phone = "13655550001");
        var reviewer = await app.CreateUserAsync(Roles.Reviewer);
        await AssignAsync(first, reviewer);
        using var client = await app.CreateClientSignedInAsAsync(reviewer);

        Assert.DoesNotContain("data-duplicates", await client.GetStringAsync($"/review/applications/{first.Id}"), StringComparison.Ordinal);

        await AssignAsync(hidden, reviewer);
        var page = await client.GetStringAsync($"/review/applications/{first.Id}");
        Assert.Contains($"data-duplicate=\"{hidden.Id}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("/dismiss", page, StringComparison.Ordinal);

        var token = await client.GetAntiforgeryTokenAsync($"/review/applications/{first.Id}");
        using var refused = await client.PostFormAsync($"/review/applications/{first.Id}/duplicates/{hidden.Id}/dismiss", [], token);
        Assert.True(refused.StatusCode is HttpStatusCode.Forbidden || refused.Headers.Location?.OriginalString.Contains("/error/403", StringComparison.Ordinal) == true,
            $"a co-reviewer's dismissal answered {(int)refused.StatusCode} {refused.Headers.Location}");
        Assert.Equal(0, await CountDismissalsAsync(first.Id, hidden.Id));
    }

    [Fact]
    public async Task The_professor_marks_not_a_duplicate_once_even_when_posted_twice_at_once_and_it_is_audited()
    {
        var first = await CreateApplicationAsync(a => a.Phone = "+86 135 4444 0002");
        var second = await CreateApplicationAsync(a => a.Phone = "135 4444 0002");
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);
        var page = $"/review/applications/{second.Id}";
        var token = await client.GetAntiforgeryTokenAsync(page);

        // Posted from the higher id's page: the row still stores the smaller id first.
        var action = $"/review/applications/{second.Id}/duplicates/{first.Id}/dismiss?status=Submitted";
        var answers = await Task.WhenAll(client.PostFormAsync(action, [], token), client.PostFormAsync(action, [], token));

        foreach (var answer in answers)
        {
            await answer.AssertStatusAsync(HttpStatusCode.Redirect);
            Assert.Equal($"/review/applications/{second.Id}?status=Submitted#duplicates", answer.Headers.Location?.OriginalString);
            answer.Dispose();
        }

        await using var db = app.CreateDbContext();
        var row = await db.DuplicateDismissals.SingleAsync(d => d.FirstApplicationId == first.Id || d.SecondApplicationId == first.Id);
        Assert.Equal((first.Id, second.Id), (row.FirstApplicationId, row.SecondApplicationId));
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == AuditActions.DuplicateDismissed && e.Target == $"applications {first.Id} and {second.Id}"));
        Assert.DoesNotContain("data-duplicates", await client.GetStringAsync($"/review/applications/{first.Id}"), StringComparison.Ordinal);
        Assert.DoesNotContain("data-duplicates", await client.GetStringAsync(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forged_pairs_are_refused_and_store_nothing()
    {
        var first = await CreateApplicationAsync(a => a.Phone = "+86 133 2222 0003");
        var notFlagged = await CreateApplicationAsync(a => a.Phone = "+86 133 2222 0004");
        var draft = await CreateApplicationAsync(a => a.Phone = "13322220003", status: ApplicationStatus.Draft);
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);
        var token = await client.GetAntiforgeryTokenAsync($"/review/applications/{first.Id}");

        async Task<HttpStatusCode> DismissAsync(int id, int other)
        {
            using var response = await client.PostFormAsync($"/review/applications/{id}/duplicates/{other}/dismiss", [], token);
            return response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.BadRequest, await DismissAsync(first.Id, first.Id));
        Assert.Equal(HttpStatusCode.BadRequest, await DismissAsync(first.Id, notFlagged.Id));
        Assert.Equal(HttpStatusCode.NotFound, await DismissAsync(first.Id, draft.Id));
        Assert.Equal(HttpStatusCode.NotFound, await DismissAsync(first.Id, int.MaxValue));
        Assert.Equal(HttpStatusCode.NotFound, await DismissAsync(-1, first.Id));
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostFormAsync($"/review/applications/{first.Id}/duplicates/x/dismiss", [], token)).StatusCode);
        Assert.DoesNotContain($"data-duplicate=\"{draft.Id}\"", await client.GetStringAsync($"/review/applications/{first.Id}"), StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        Assert.False(await db.DuplicateDismissals.AnyAsync(d => d.FirstApplicationId == first.Id || d.SecondApplicationId == first.Id));
    }

    private static string Item(string html, int otherId)
    {
        var start = html.IndexOf($"data-duplicate=\"{otherId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"application {otherId} is not flagged");
        return html[start..html.IndexOf("</li>", start, StringComparison.Ordinal)];
    }

    private async Task<int> CountDismissalsAsync(int a, int b)
    {
        await using var db = app.CreateDbContext();
        return await db.DuplicateDismissals.CountAsync(d => d.FirstApplicationId == Math.Min(a, b) && d.SecondApplicationId == Math.Max(a, b));
    }

    private async Task AssignAsync(Application application, RecruitUser reviewer)
    {
        await using var db = app.CreateDbContext();
        db.ReviewerAssignments.Add(new ReviewerAssignment { ApplicationId = application.Id, ReviewerId = reviewer.Id, AssignedAtUtc = app.Clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync();
    }

    /// <summary>A submitted application of a new account (unless one is given), with a name and institution nobody else has unless <paramref name="fill"/> says so.</summary>
    private async Task<Application> CreateApplicationAsync(
        Action<Application> fill, string? documentHash = null, ApplicationStatus status = ApplicationStatus.Submitted, RecruitUser? applicant = null)
    {
        applicant ??= await app.CreateUserAsync(Roles.Applicant);
        await using var db = app.CreateDbContext();
        var intake = await db.Intakes.OrderBy(i => i.Code).FirstAsync();
        var unique = Guid.NewGuid().ToString("N");
        var at = new DateTime(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc);
        var application = new Application
        {
            ApplicantId = applicant.Id,
            IntakeId = intake.Id,
            Program = StudyPrograms.PhD,
            Status = status,
            FullName = "Applicant " + unique[..10],
            Institution = "University " + unique[10..20],
            ReferenceNumber = status == ApplicationStatus.Draft ? null : "HZ-D-" + unique[..12],
            CreatedAtUtc = at,
            UpdatedAtUtc = at,
            SubmittedAtUtc = status == ApplicationStatus.Draft ? null : at,
        };
        fill(application);
        if (documentHash is not null)
        {
            application.Documents.Add(new ApplicationDocument
            {
                Kind = DocumentKind.Cv,
                FileName = "cv.pdf",
                SizeBytes = 4,
                Sha256 = documentHash,
                UploadedAtUtc = at,
                Content = new DocumentContent { Bytes = [1, 2, 3, 4] },
            });
        }

        db.Applications.Add(application);
        await db.SaveChangesAsync();
        return application;
    }
}
