using System.Data.Common;
using System.Runtime.CompilerServices;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HanZhao.Recruit.Web.Notifications;

/// <summary>
/// Starts a send job once a SaveChanges that added outbox rows has committed, so mail leaves within
/// seconds. Losing this nudge (a crash right after the commit, the in-memory job store cleared by a
/// restart) only delays mail until the minutely sweeper.
/// </summary>
public sealed class OutboxTrigger(IServiceProvider services, ILogger<OutboxTrigger> logger)
    : SaveChangesInterceptor, IDbTransactionInterceptor
{
    // Contexts whose save added mail: waiting for their save, or for the commit of their transaction.
    private readonly ConditionalWeakTable<DbContext, object> _queued = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Remember(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Remember(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    // Inside the caller's own transaction the rows are not visible to the job until the commit.
    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    public Task TransactionCommittedAsync(
        DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(
        DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Remember(DbContext? context)
    {
        if (context is not null && context.QueuedEmails().Count > 0)
        {
            _queued.AddOrUpdate(context, this);
        }
    }

    private void Saved(DbContext? context)
    {
        if (context?.Database.CurrentTransaction is null)
        {
            Committed(context);
        }
    }

    private void Committed(DbContext? context)
    {
        if (context is null || !_queued.Remove(context))
        {
            return;
        }

        try
        {
            // Resolved here, not in the constructor: the first DbContext (migrations at start) must
            // not open the job storage, which may live in the database being created.
            services.GetRequiredService<IBackgroundJobClient>()
                .Enqueue<OutboxDispatcher>(dispatcher => dispatcher.SendDueAsync(CancellationToken.None));
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            // The rows are committed; the sweeper sends them. The caller's change must not fail for this.
            logger.LogWarning(error, "Could not start the email job; the sweeper will send the queued mail");
        }
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            _queued.Remove(context);
        }
    }
}
