using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Actors.Kernel.Persistence.Sqlite;

/// <summary>
/// Group commit: operations from any number of callers are queued and one dedicated thread, the
/// only user of the write connection, drains them into batches and commits each batch in one
/// transaction (one WAL sync per batch, not per event). When an operation violates a constraint
/// (duplicate sequence nr) the batch is redone with one savepoint per operation, so only that
/// caller fails; any other error (BEGIN, I/O, COMMIT) fails every caller of the batch. Callers are completed only after their commit. The
/// loop survives every failure and ends only when the queue is completed.
/// </summary>
internal sealed partial class GroupCommitWriter : IDisposable
{
    private const int SqliteConstraintError = 19; // SQLITE_CONSTRAINT: duplicate (persistence_id, sequence_nr)

    private readonly Channel<JournalOperation> _queue =
        Channel.CreateUnbounded<JournalOperation>(new UnboundedChannelOptions { SingleReader = true });

    private readonly SqliteConnection _connection;
    private readonly SqliteJournalSql _sql;
    private readonly SqliteCommand _insert;
    private readonly SqliteCommand _savepoint;
    private readonly SqliteCommand _release;
    private readonly SqliteCommand _rollbackTo;
    private readonly int _maxEvents;
    private readonly long _maxBytes;
    private readonly ILogger _logger;
    private readonly Thread _thread;
    private JournalOperation? _carried;
    private long _batches;
    private long _events;

    public GroupCommitWriter(SqliteConnection connection, SqliteJournalSql sql, int maxEvents, long maxBytes, ILogger logger)
    {
        _connection = connection;
        _sql = sql;
        _insert = WriteOperation.CreateInsertCommand(connection, sql);
        // Prepared once and reused: a savepoint per operation then costs microseconds.
        _savepoint = CreateCommand(connection, "SAVEPOINT op");
        _release = CreateCommand(connection, "RELEASE op");
        _rollbackTo = CreateCommand(connection, "ROLLBACK TO op");
        _maxEvents = maxEvents;
        _maxBytes = maxBytes;
        _logger = logger;
        _thread = new Thread(Run) { IsBackground = true, Name = "sqlite-journal-writer" };
        _thread.Start();
    }

    /// <summary>Transactions committed so far.</summary>
    public long CommittedBatches => Interlocked.Read(ref _batches);

    /// <summary>Events committed so far.</summary>
    public long CommittedEvents => Interlocked.Read(ref _events);

    /// <summary>Queues <paramref name="operation"/>; false after <see cref="Dispose"/>.</summary>
    public bool TryEnqueue(JournalOperation operation) => _queue.Writer.TryWrite(operation);

    /// <summary>Stops accepting work, lets the loop finish what is queued, then closes the connection.</summary>
    public void Dispose()
    {
        if (_queue.Writer.TryComplete())
        {
            _thread.Join();
            _insert.Dispose();
            _savepoint.Dispose();
            _release.Dispose();
            _rollbackTo.Dispose();
            _connection.Dispose();
        }
    }

    private void Run()
    {
        var batch = new List<JournalOperation>();
        while (NextBatch(batch))
        {
            try
            {
                Commit(batch);
            }
            catch (Exception ex)
            {
                LogBatchFailed(_logger, batch.Count, ex);
                foreach (var op in batch)
                {
                    op.Fail(ex);
                }
            }

            batch.Clear();
        }
    }

    /// <summary>Blocks for the first operation, then takes whatever else is queued, up to the limits.</summary>
    private bool NextBatch(List<JournalOperation> batch)
    {
        var first = _carried ?? Take();
        _carried = null;
        if (first is null)
        {
            return false;
        }

        batch.Add(first);
        var events = first.EventCount;
        var bytes = first.ByteCount;
        while (events < _maxEvents && bytes < _maxBytes && _queue.Reader.TryRead(out var next))
        {
            if (events + next.EventCount > _maxEvents || bytes + next.ByteCount > _maxBytes)
            {
                _carried = next;
                break;
            }

            batch.Add(next);
            events += next.EventCount;
            bytes += next.ByteCount;
        }

        return true;
    }

    private JournalOperation? Take()
    {
        // Dedicated thread: blocking here costs no pool thread.
        JournalOperation? op;
        while (!_queue.Reader.TryRead(out op))
        {
            if (!_queue.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
            {
                return null;
            }
        }

        return op;
    }

    private void Commit(List<JournalOperation> batch)
    {
        List<JournalOperation> succeeded;
        try
        {
            succeeded = RunTransaction(batch, isolate: false);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == SqliteConstraintError)
        {
            // A caller's write conflicts (duplicate sequence nr). The transaction was rolled back;
            // redo the batch with a savepoint per caller so that only the offending caller fails.
            succeeded = RunTransaction(batch, isolate: true);
        }

        Interlocked.Increment(ref _batches);
        Interlocked.Add(ref _events, succeeded.Sum(o => (long)o.EventCount));
        foreach (var op in succeeded)
        {
            op.Complete();
        }
    }

    /// <summary>Runs the batch in one transaction; fast path without savepoints unless <paramref name="isolate"/>.</summary>
    private List<JournalOperation> RunTransaction(List<JournalOperation> batch, bool isolate)
    {
        var succeeded = new List<JournalOperation>(batch.Count);
        using var transaction = _connection.BeginTransaction(deferred: false);
        var context = new JournalWriteContext(_connection, transaction, _sql, _insert);
        foreach (var op in batch)
        {
            if (!isolate)
            {
                op.Execute(context);
                succeeded.Add(op);
            }
            else if (TryExecuteIsolated(op, context))
            {
                succeeded.Add(op);
            }
        }

        transaction.Commit();
        return succeeded;
    }

    private bool TryExecuteIsolated(JournalOperation op, JournalWriteContext context)
    {
        Run(_savepoint, context.Transaction);
        try
        {
            op.Execute(context);
            Run(_release, context.Transaction);
            return true;
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == SqliteConstraintError)
        {
            // Only this caller's statements are undone; the rest of the batch goes on.
            Run(_rollbackTo, context.Transaction);
            Run(_release, context.Transaction);
            op.Fail(ex);
            return false;
        }
    }

    private static SqliteCommand CreateCommand(SqliteConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    private static void Run(SqliteCommand command, SqliteTransaction transaction)
    {
        command.Transaction = transaction;
        command.ExecuteNonQuery();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Journal batch of {Count} operations failed; every caller in it gets the failure")]
    private static partial void LogBatchFailed(ILogger logger, int count, Exception exception);
}
