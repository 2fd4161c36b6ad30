using Microsoft.Data.Sqlite;

namespace Actors.Kernel.Persistence.Sqlite;

/// <summary>
/// One <c>WriteMessagesAsync</c> call: its atomic writes already serialized on the caller's thread
/// (a write whose serialization failed carries its rejection and inserts nothing).
/// </summary>
internal sealed class WriteOperation : JournalOperation
{
    private readonly IReadOnlyList<PreparedWrite> _writes;
    private readonly TaskCompletionSource<IReadOnlyList<Exception?>> _done =
        new(TaskCreationOptions.RunContinuationsAsynchronously);

    public WriteOperation(IReadOnlyList<PreparedWrite> writes)
    {
        _writes = writes;
        EventCount = writes.Sum(w => w.Rows.Count);
        ByteCount = writes.Sum(w => w.Rows.Sum(r => (long)r.Payload.Length));
    }

    public Task<IReadOnlyList<Exception?>> Task => _done.Task;

    public override int EventCount { get; }

    public override long ByteCount { get; }

    public override void Execute(JournalWriteContext context)
    {
        var insert = context.InsertCommand;
        insert.Transaction = context.Transaction;
        foreach (var row in _writes.SelectMany(w => w.Rows))
        {
            var p = insert.Parameters;
            p["$pid"].Value = row.PersistenceId;
            p["$seq"].Value = row.SequenceNr;
            p["$manifest"].Value = row.Manifest;
            p["$ts"].Value = row.Timestamp;
            p["$payload"].Value = row.Payload;
            p["$tags"].Value = (object?)row.Tags ?? DBNull.Value;
            p["$sid"].Value = row.SerializerId;
            insert.ExecuteNonQuery();
        }
    }

    public override void Complete() => _done.TrySetResult(_writes.Select(w => w.Rejection).ToList());

    public override void Fail(Exception error) => _done.TrySetException(error);

    /// <summary>Creates the reusable insert command with its parameters.</summary>
    public static SqliteCommand CreateInsertCommand(SqliteConnection connection, SqliteJournalSql sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql.Insert;
        command.Parameters.Add("$pid", SqliteType.Text);
        command.Parameters.Add("$seq", SqliteType.Integer);
        command.Parameters.Add("$manifest", SqliteType.Text);
        command.Parameters.Add("$ts", SqliteType.Integer);
        command.Parameters.Add("$payload", SqliteType.Blob);
        command.Parameters.Add("$tags", SqliteType.Text);
        command.Parameters.Add("$sid", SqliteType.Integer);
        return command;
    }
}

/// <summary>An atomic write ready for insertion, or its rejection (then <see cref="Rows"/> is empty).</summary>
internal sealed record PreparedWrite(IReadOnlyList<JournalRow> Rows, Exception? Rejection);

/// <summary>One <c>event_journal</c> row as written.</summary>
internal sealed record JournalRow(
    string PersistenceId,
    long SequenceNr,
    string Manifest,
    long Timestamp,
    byte[] Payload,
    string? Tags,
    int SerializerId);
