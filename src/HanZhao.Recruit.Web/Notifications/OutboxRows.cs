using System.Data.Common;
using HanZhao.Recruit.Data.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace HanZhao.Recruit.Web.Notifications;

/// <summary>
/// The dispatcher's two writes per message, its claim and its outcome, as two commands made once per
/// run on the connection the dispatcher holds and run again with new values. Through EF they were an
/// <c>ExecuteUpdate</c> (a LINQ query per claim) and a <c>SaveChanges</c> over tracked rows: about half
/// of the outbox's time per message against MailKit's loop alone (docs/PERFORMANCE.md). The SQL is
/// written from the EF model (table and column names, the provider's quoting and parameter names) and
/// every value goes through the property's own type mapping (the Id as TEXT on SQLite, the status as
/// its name, datetime2 on SQL Server), so the same statements run on SQLite and SQL Server.
/// Each command commits on its own: a message's outcome is saved whatever happens to the next claim.
/// </summary>
public sealed class OutboxRows : IAsyncDisposable
{
    private readonly DbCommand _claim;
    private readonly Value _claimId;
    private readonly Value _claimLeaseEnd;
    private readonly Value _claimPending;
    private readonly Value _claimNow;

    private readonly DbCommand _outcome;
    private readonly Value _outcomeId;
    private readonly Value _status;
    private readonly Value _attempts;
    private readonly Value _lastError;
    private readonly Value _nextAttempt;
    private readonly Value _sentAt;
    private readonly Value _sentTo;

    /// <summary>Makes the two commands on <paramref name="db"/>'s connection (opened by the caller, or opened by EF for each use).</summary>
    public OutboxRows(DbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(EmailMessage))
            ?? throw new InvalidOperationException("EmailMessage is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var connection = db.Database.GetDbConnection();
        var timeout = db.Database.GetCommandTimeout();

        _claim = NewCommand(connection, timeout);
        _claimId = Value.Of(_claim, sql, entity, nameof(EmailMessage.Id), "id");
        _claimLeaseEnd = Value.Of(_claim, sql, entity, nameof(EmailMessage.NextAttemptAtUtc), "leaseEnd");
        _claimPending = Value.Of(_claim, sql, entity, nameof(EmailMessage.Status), "pending");
        _claimNow = Value.Of(_claim, sql, entity, nameof(EmailMessage.NextAttemptAtUtc), "now");
        // The same test as the query that found the row: of two dispatchers that read it, one updates it.
        _claim.CommandText =
            $"UPDATE {Table()} SET {Column(nameof(EmailMessage.NextAttemptAtUtc))} = {_claimLeaseEnd.Placeholder} "
            + $"WHERE {Column(nameof(EmailMessage.Id))} = {_claimId.Placeholder} "
            + $"AND {Column(nameof(EmailMessage.Status))} = {_claimPending.Placeholder} "
            + $"AND {Column(nameof(EmailMessage.NextAttemptAtUtc))} <= {_claimNow.Placeholder}";
        _claimPending.Set(EmailStatus.Pending);

        _outcome = NewCommand(connection, timeout);
        _outcomeId = Value.Of(_outcome, sql, entity, nameof(EmailMessage.Id), "id");
        _status = Value.Of(_outcome, sql, entity, nameof(EmailMessage.Status), "status");
        _attempts = Value.Of(_outcome, sql, entity, nameof(EmailMessage.Attempts), "attempts");
        _lastError = Value.Of(_outcome, sql, entity, nameof(EmailMessage.LastError), "lastError");
        _nextAttempt = Value.Of(_outcome, sql, entity, nameof(EmailMessage.NextAttemptAtUtc), "nextAttempt");
        _sentAt = Value.Of(_outcome, sql, entity, nameof(EmailMessage.SentAtUtc), "sentAt");
        _sentTo = Value.Of(_outcome, sql, entity, nameof(EmailMessage.SentTo), "sentTo");
        _outcome.CommandText =
            $"UPDATE {Table()} SET {Column(nameof(EmailMessage.Status))} = {_status.Placeholder}, "
            + $"{Column(nameof(EmailMessage.Attempts))} = {_attempts.Placeholder}, "
            + $"{Column(nameof(EmailMessage.LastError))} = {_lastError.Placeholder}, "
            + $"{Column(nameof(EmailMessage.NextAttemptAtUtc))} = {_nextAttempt.Placeholder}, "
            + $"{Column(nameof(EmailMessage.SentAtUtc))} = {_sentAt.Placeholder}, "
            + $"{Column(nameof(EmailMessage.SentTo))} = {_sentTo.Placeholder} "
            + $"WHERE {Column(nameof(EmailMessage.Id))} = {_outcomeId.Placeholder}";

        string Table() => sql.DelimitIdentifier(table.Name, table.Schema);

        string Column(string property) => sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(table)!);
    }

    /// <summary>The SQL of the claim and of the outcome, for tests that check it against a provider's grammar.</summary>
    public IReadOnlyList<DbCommand> Commands => [_claim, _outcome];

    /// <summary>
    /// Moves the row's next attempt to <paramref name="leaseEnd"/> if it is still pending and due at
    /// <paramref name="now"/>; false when another dispatcher took it first (or it was sent, or erased).
    /// </summary>
    public async Task<bool> TryClaimAsync(Guid id, DateTime now, DateTime leaseEnd, CancellationToken cancellationToken)
    {
        _claimId.Set(id);
        _claimNow.Set(now);
        _claimLeaseEnd.Set(leaseEnd);
        return await _claim.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>
    /// Writes what happened to the message (status, attempts, error, next attempt, when and where it
    /// went). Not cancellable: the message may have left, and its record must not be lost to a shutdown.
    /// </summary>
    public async Task SaveOutcomeAsync(EmailMessage message)
    {
        _outcomeId.Set(message.Id);
        _status.Set(message.Status);
        _attempts.Set(message.Attempts);
        _lastError.Set(message.LastError);
        _nextAttempt.Set(message.NextAttemptAtUtc);
        _sentAt.Set(message.SentAtUtc);
        _sentTo.Set(message.SentTo);
        await _outcome.ExecuteNonQueryAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await _claim.DisposeAsync();
        await _outcome.DisposeAsync();
    }

    private static DbCommand NewCommand(DbConnection connection, int? timeout)
    {
        var command = connection.CreateCommand();
        if (timeout is { } seconds)
        {
            command.CommandTimeout = seconds;
        }

        return command;
    }

    /// <summary>A parameter made by the property's type mapping, given new values through the mapping's converter.</summary>
    private sealed class Value(DbParameter parameter, RelationalTypeMapping mapping, string placeholder)
    {
        public string Placeholder { get; } = placeholder;

        public static Value Of(DbCommand command, ISqlGenerationHelper sql, IEntityType entity, string property, string name)
        {
            var column = entity.FindProperty(property)!;
            var mapping = column.GetRelationalTypeMapping();
            var parameter = mapping.CreateParameter(command, sql.GenerateParameterName(name), null, column.IsNullable);
            command.Parameters.Add(parameter);
            return new Value(parameter, mapping, sql.GenerateParameterNamePlaceholder(name));
        }

        public void Set(object? value) =>
            parameter.Value = value is null ? DBNull.Value : mapping.Converter?.ConvertToProvider(value) ?? value;
    }
}
