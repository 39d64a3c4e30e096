using HanZhao.Recruit.Data;
using HanZhao.Recruit.Web.Notifications;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HanZhao.Recruit.Tests.Notifications;

/// <summary>
/// A send job is enqueued once mail is committed. The job server is off, so the enqueued jobs stay
/// in the queue where the test can count them.
/// </summary>
public sealed class OutboxTriggerTests : IDisposable
{
    private readonly RecruitAppFactory _app = Outbox.App(smtp: null);

    [Fact]
    public async Task Saving_mail_enqueues_a_send_job_and_saving_anything_else_does_not()
    {
        await Outbox.QueueAsync(_app, 3);
        Assert.Equal(1, EnqueuedJobs());

        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RecruitDbContext>();
        var intake = await db.Intakes.FirstAsync();
        intake.PhdQuota = 3;
        await db.SaveChangesAsync();

        Assert.Equal(1, EnqueuedJobs());
    }

    [Fact]
    public async Task Mail_saved_inside_a_transaction_is_enqueued_at_the_commit_and_not_after_a_rollback()
    {
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RecruitDbContext>();

        await using (var rolledBack = await db.Database.BeginTransactionAsync())
        {
            db.QueueEmail(Draft(), _app.Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
            await rolledBack.RollbackAsync();
        }

        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.QueueEmail(Draft(), _app.Clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync();
        Assert.Equal(0, EnqueuedJobs());

        await transaction.CommitAsync();

        Assert.Equal(1, EnqueuedJobs());
    }

    private static EmailDraft Draft() =>
        new EmailWriter("en").Paragraph("Hello").Build(EmailCatalogue.SubmissionReceived, "student@recruit.test", null, "Hello", "Footer");

    private long EnqueuedJobs() =>
        _app.Services.GetRequiredService<JobStorage>().GetMonitoringApi().EnqueuedCount("default");

    public void Dispose() => _app.Dispose();
}
