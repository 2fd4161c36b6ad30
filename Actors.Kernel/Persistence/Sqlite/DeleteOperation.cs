using Microsoft.Data.Sqlite;

namespace Actors.Kernel.Persistence.Sqlite;

/// <summary>
/// <c>DeleteMessagesToAsync</c>: physically deletes events ≤ toSequenceNr and, when that removes
/// the stream's highest event, records the highest sequence number in the metadata table (Akka's
/// scheme, so numbering continues after a full delete).
/// </summary>
internal sealed class DeleteOperation : JournalOperation
{
    private readonly string _persistenceId;
    private readonly long _toSequenceNr;
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public DeleteOperation(string persistenceId, long toSequenceNr)
    {
        _persistenceId = persistenceId;
        _toSequenceNr = toSequenceNr;
    }

    public Task Task => _done.Task;

    public override int EventCount => 1;

    public override long ByteCount => 0;

    public override void Execute(JournalWriteContext context)
    {
        var highest = ReadHighest(context.Connection, context.Transaction, context.Sql, _persistenceId);
        using var command = context.Connection.CreateCommand();
        command.Transaction = context.Transaction;
        command.CommandText = context.Sql.DeleteTo;
        command.Parameters.AddWithValue("$pid", _persistenceId);
        command.Parameters.AddWithValue("$to", _toSequenceNr);
        command.ExecuteNonQuery();
        if (highest > 0 && highest <= _toSequenceNr)
        {
            command.CommandText = context.Sql.KeepHighest;
            command.Parameters.Clear();
            command.Parameters.AddWithValue("$pid", _persistenceId);
            command.Parameters.AddWithValue("$seq", highest);
            command.ExecuteNonQuery();
        }
    }

    public override void Complete() => _done.TrySetResult();

    public override void Fail(Exception error) => _done.TrySetException(error);

    /// <summary>MAX over the journal and the metadata table; 0 when the stream is unknown.</summary>
    public static long ReadHighest(SqliteConnection connection, SqliteTransaction? transaction, SqliteJournalSql sql, string persistenceId)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql.Highest;
        command.Parameters.AddWithValue("$pid", persistenceId);
        return command.ExecuteScalar() is long n ? n : 0L;
    }
}
