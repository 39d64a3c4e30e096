using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Data.Intakes;
using HanZhao.Recruit.Data.Notifications;
using HanZhao.Recruit.Web.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HanZhao.Recruit.Tests.Notifications;

public sealed class DailyDigestTests : IDisposable
{
    private const string Professor = "hanzhao@recruit.test";
    private readonly RecruitAppFactory _app = Outbox.App(smtp: null);

    public DailyDigestTests() => _app.Settings["Recruit:ProfessorEmail"] = Professor;

    [Fact]
    public async Task New_submissions_are_listed_with_the_counts_by_status_and_the_next_digest_starts_after_them()
    {
        await AddApplicationAsync("王小明", "Wang Xiaoming", "Zhejiang University", ApplicationStatus.Submitted, submittedHoursAgo: 3);
        await AddApplicationAsync(null, "Draft Person", "Fudan University", ApplicationStatus.Draft, submittedHoursAgo: null);

        Assert.True(await RunDigestAsync());

        await using var db = _app.CreateDbContext();
        var digest = await db.EmailMessages.SingleAsync(m => m.Kind == EmailCatalogue.DailyDigest.Name);
        Assert.Equal(Professor, digest.ToAddress);
        Assert.Equal(EmailStatus.Pending, digest.Status);
        Assert.Contains("1 new application", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("Name: Wang Xiaoming (王小明)", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("Program: PhD", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("Institution: Zhejiang University", digest.TextBody, StringComparison.Ordinal);
        Assert.Matches(@"Intake: \d{4}\.\d{2}", digest.TextBody);
        Assert.Contains("Submitted: 1", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("Draft: 1", digest.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Draft Person", digest.TextBody, StringComparison.Ordinal);

        // Nothing new since that digest: none the next morning.
        Assert.False(await RunDigestAsync());
        Assert.Equal(1, await db.EmailMessages.CountAsync(m => m.Kind == EmailCatalogue.DailyDigest.Name));
    }

    [Fact]
    public async Task A_professor_who_reads_the_site_in_chinese_gets_the_digest_in_chinese()
    {
        var professor = await _app.CreateUserAsync(Roles.Professor);
        await using (var db = _app.CreateDbContext())
        {
            await db.Users.Where(u => u.Id == professor.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.PreferredCulture, "zh-CN"));
        }

        await AddApplicationAsync("王小明", "Wang Xiaoming", "Zhejiang University", ApplicationStatus.Submitted, submittedHoursAgo: 3);

        Assert.True(await RunDigestAsync());

        await using var check = _app.CreateDbContext();
        var digest = await check.EmailMessages.SingleAsync(m => m.Kind == EmailCatalogue.DailyDigest.Name);
        Assert.Equal("zh-CN", digest.Culture);
        Assert.StartsWith("申请日报 ", digest.Subject, StringComparison.Ordinal);
        Assert.Contains("1 份新申请", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("姓名: Wang Xiaoming (王小明)", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("已提交: 1", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("（上海时间，UTC+8）", digest.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("new application", digest.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_digest_is_sent_when_nothing_happened()
    {
        await AddApplicationAsync(null, "Old Applicant", "Tsinghua University", ApplicationStatus.Submitted, submittedHoursAgo: 30);

        Assert.False(await RunDigestAsync());

        await using var db = _app.CreateDbContext();
        Assert.False(await db.EmailMessages.AnyAsync(m => m.Kind == EmailCatalogue.DailyDigest.Name));
    }

    [Fact]
    public async Task Without_a_professor_address_the_digest_is_skipped()
    {
        _app.Settings.Remove("Recruit:ProfessorEmail");
        await AddApplicationAsync(null, "New Applicant", "Peking University", ApplicationStatus.Submitted, submittedHoursAgo: 1);

        Assert.False(await RunDigestAsync());
    }

    private async Task<bool> RunDigestAsync()
    {
        using var scope = _app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<DailyDigest>().QueueAsync(CancellationToken.None);
    }

    private Task AddApplicationAsync(
        string? chineseName, string fullName, string institution, ApplicationStatus status, int? submittedHoursAgo) =>
        AddApplicationAsync(_app, chineseName, fullName, institution, status, submittedHoursAgo);

    /// <summary>An application of a new applicant, straight into <paramref name="app"/>'s database (also used by Reliability/Instances).</summary>
    internal static async Task AddApplicationAsync(RecruitAppFactory app,
        string? chineseName, string fullName, string institution, ApplicationStatus status, int? submittedHoursAgo)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RecruitDbContext>();
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var email = $"{Guid.NewGuid():N}@recruit.test";
        var applicant = new RecruitUser { UserName = email, Email = email, CreatedAtUtc = now };
        var intake = await db.Intakes.FirstAsync(i => i.Programs.HasFlag(StudyPrograms.PhD));
        var submitted = now.AddHours(-(submittedHoursAgo ?? 0));
        db.Users.Add(applicant);
        db.Applications.Add(new Application
        {
            Applicant = applicant,
            IntakeId = intake.Id,
            Program = StudyPrograms.PhD,
            Status = status,
            FullName = fullName,
            ChineseName = chineseName,
            Institution = institution,
            CreatedAtUtc = now.AddDays(-2),
            UpdatedAtUtc = now,
            SubmittedAtUtc = submittedHoursAgo is null ? null : submitted,
            ReferenceNumber = submittedHoursAgo is null ? null : $"HZ-T-{Guid.NewGuid():N}"[..20],
            StatusHistory = submittedHoursAgo is null ? [] :
                [new ApplicationStatusChange { From = ApplicationStatus.Draft, To = status, ChangedAtUtc = submitted }],
        });
        await db.SaveChangesAsync();
    }

    public void Dispose() => _app.Dispose();
}
