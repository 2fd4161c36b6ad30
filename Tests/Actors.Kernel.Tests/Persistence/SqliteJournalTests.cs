using Actors.Kernel.Persistence.Journal;
using Actors.Kernel.Persistence.Sqlite;
using static Actors.Kernel.Tests.Persistence.JournalTestExtensions;

namespace Actors.Kernel.Tests.Persistence;

/// <summary>SQLite-specific behaviour: Akka's schema and formats, group commit, corrupt rows, reopen.</summary>
public sealed class SqliteJournalTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public void AutoInitialize_EmptyDatabase_CreatesAkkaJournalSchema()
    {
        using var journal = Open();

        Assert.Equal(
            ["ordering INTEGER", "persistence_id VARCHAR(255)", "sequence_nr INTEGER(8)", "is_deleted INTEGER(1)", "manifest VARCHAR(255)",
             "timestamp INTEGER", "payload BLOB", "tags VARCHAR(2000)", "serializer_id INTEGER(4)"],
            Columns("event_journal"));
        Assert.Equal(["persistence_id VARCHAR(255)", "sequence_nr INTEGER(8)"], Columns("journal_metadata"));
        Assert.Equal(1, _db.Scalar("SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'event_journal'"));
        Assert.Equal("wal", Text("PRAGMA journal_mode"));
    }

    [Fact]
    public void Open_AutoInitializeOffAndNoTables_FailsNamingTheTable()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new SqliteJournal(
            new SqliteJournalOptions { ConnectionString = _db.ConnectionString }, PersistenceTestEvents.CreateRegistry()));

        Assert.Contains("event_journal", ex.Message, StringComparison.Ordinal);
        Assert.Contains("auto-initialize", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_InvalidTableName_FailsNamingTheKey()
    {
        var ex = Assert.Throws<ArgumentException>(() => new SqliteJournal(
            new SqliteJournalOptions { ConnectionString = _db.ConnectionString, TableName = "x; DROP TABLE y" }, PersistenceTestEvents.CreateRegistry()));

        Assert.Contains("akka.persistence.journal.sqlite.table-name", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_TaggedEvent_StoresAkkaColumnsAndTagFormat()
    {
        using var journal = Open();
        await journal.WriteOkAsync(JournalEvent("pod-a", 1, new PodQueued("a", 1), "pods", "edge-1"));
        await journal.WriteOkAsync(JournalEvent("pod-a", 2, new PodQueued("a", 2)));

        Assert.Equal(";pods;edge-1;", Text("SELECT tags FROM event_journal WHERE sequence_nr = 1"));
        Assert.Equal(1, _db.Scalar("SELECT COUNT(*) FROM event_journal WHERE sequence_nr = 2 AND tags IS NULL"));
        Assert.Equal("pod-queued.v1", Text("SELECT manifest FROM event_journal WHERE sequence_nr = 1"));
        Assert.Equal(1001, _db.Scalar("SELECT serializer_id FROM event_journal WHERE sequence_nr = 1"));
        Assert.Equal(0, _db.Scalar("SELECT is_deleted FROM event_journal WHERE sequence_nr = 1"));
        Assert.Equal("{\"pod\":\"a\",\"attempt\":1}", Text("SELECT CAST(payload AS TEXT) FROM event_journal WHERE sequence_nr = 1"));
        Assert.Equal(1, _db.Scalar("SELECT COUNT(*) FROM event_journal WHERE tags LIKE '%;edge-1;%'"));
    }

    [Fact]
    public async Task WriteMessages_ConcurrentCallersWhileWriterBusy_ShareTransactions()
    {
        using var journal = Open();
        const int writes = 150;
        Task<IReadOnlyList<Exception?>>[] calls;
        using (var blocker = _db.OpenRaw())
        {
            using var hold = blocker.BeginTransaction(deferred: false); // takes the write lock

            // Each call is queued before WriteMessagesAsync returns; the writer is stuck on the lock.
            calls = Enumerable.Range(0, writes)
                .Select(i => journal.WriteMessagesAsync([JournalEvent($"pid-{i}", 1, new PodQueued("x", i))])).ToArray();
            Assert.All(calls, c => Assert.False(c.IsCompleted));
            hold.Rollback();
        }

        await Task.WhenAll(calls).WaitAsync(Deadline);

        Assert.Equal(writes, journal.CommittedEvents);
        Assert.InRange(journal.CommittedBatches, 1, 2);
        Assert.Equal(writes, _db.Scalar("SELECT COUNT(*) FROM event_journal"));
    }

    [Fact]
    public async Task WriteMessages_DuplicateInSharedBatch_FailsOnlyThatCaller()
    {
        using var journal = Open();
        await journal.WriteOkAsync(JournalEvent("p", 1, new PodQueued("a", 1)));
        Task<IReadOnlyList<Exception?>> before, duplicate, after;
        using (var blocker = _db.OpenRaw())
        {
            using var hold = blocker.BeginTransaction(deferred: false); // takes the write lock
            before = journal.WriteMessagesAsync([JournalEvent("q", 1, new PodQueued("q", 1))]);
            duplicate = journal.WriteMessagesAsync([JournalEvent("p", 1, new PodQueued("dup", 1)), JournalEvent("p2", 1, new PodQueued("p2", 1))]);
            after = journal.WriteMessagesAsync([JournalEvent("r", 1, new PodQueued("r", 1))]);
            hold.Rollback();
        }

        await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => duplicate.WaitAsync(Deadline));
        Assert.Null(Assert.Single(await before.WaitAsync(Deadline)));
        Assert.Null(Assert.Single(await after.WaitAsync(Deadline)));
        Assert.Equal(new PodQueued("a", 1), Assert.Single(await journal.ReplayAsync("p")).Payload);
        Assert.Empty(await journal.ReplayAsync("p2"));
        Assert.Single(await journal.ReplayAsync("q"));
        Assert.Single(await journal.ReplayAsync("r"));
    }

    [Fact]
    public async Task WriteMessages_BatchTransactionFails_EveryCallerFailsAndWriterContinues()
    {
        using var journal = Open();
        Task<IReadOnlyList<Exception?>>[] calls;
        using (var blocker = _db.OpenRaw())
        {
            using var hold = blocker.BeginTransaction(deferred: false);
            using var drop = blocker.CreateCommand();
            drop.Transaction = hold;
            drop.CommandText = "DROP TABLE event_journal";
            drop.ExecuteNonQuery();
            calls = Enumerable.Range(1, 3).Select(i => journal.WriteMessagesAsync([JournalEvent($"p{i}", 1, new PodQueued("x", i))])).ToArray();
            hold.Commit();
        }

        foreach (var call in calls)
        {
            var ex = await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => call.WaitAsync(Deadline));
            Assert.Contains("event_journal", ex.Message, StringComparison.Ordinal);
        }

        Open().Dispose(); // auto-initialize recreates the table
        await journal.WriteOkAsync(JournalEvent("p1", 1, new PodQueued("after", 1)));
        Assert.Equal(new PodQueued("after", 1), Assert.Single(await journal.ReplayAsync("p1")).Payload);
    }

    [Fact]
    public async Task Replay_CorruptedPayloadRow_FailsNamingPersistenceIdAndSequenceNr()
    {
        using var journal = Open();
        await journal.WriteOkAsync(Events("edge-outbox", 1, Enumerable.Range(1, 5).Select(i => (object)new PodQueued("x", i)).ToArray()));
        _db.Execute("UPDATE event_journal SET payload = X'00FF13DEADBEEF' WHERE persistence_id = 'edge-outbox' AND sequence_nr = 3");
        var seen = new List<long>();

        var ex = await Assert.ThrowsAsync<PersistenceRecoveryException>(
            () => journal.ReplayMessagesAsync("edge-outbox", 1, long.MaxValue, long.MaxValue, e => seen.Add(e.SequenceNr)).WaitAsync(Deadline));

        Assert.Equal("edge-outbox", ex.PersistenceId);
        Assert.Equal(3, ex.SequenceNr);
        Assert.Contains("'edge-outbox'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("sequence nr 3", ex.Message, StringComparison.Ordinal);
        Assert.Equal([1L, 2], seen);
    }

    [Fact]
    public async Task Replay_RowWithUnknownManifest_FailsNamingTheManifest()
    {
        using var journal = Open();
        await journal.WriteOkAsync(JournalEvent("p", 1, new PodQueued("a", 1)));
        _db.Execute("UPDATE event_journal SET manifest = 'pod-removed.v9'");

        var ex = await Assert.ThrowsAsync<PersistenceRecoveryException>(() => journal.ReplayAsync("p").WaitAsync(Deadline));

        Assert.Equal(1, ex.SequenceNr);
        Assert.Contains("pod-removed.v9", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reopen_AfterDeleteAll_RecoversHighestFromMetadataTable()
    {
        using (var journal = Open())
        {
            await journal.WriteOkAsync(Events("p", 1, new PodQueued("a", 1), new PodQueued("a", 2)));
            await journal.WriteOkAsync(JournalEvent("keep", 1, new NodeAcked("n", 7)));
            await journal.DeleteMessagesToAsync("p", long.MaxValue);
        }

        Assert.Equal(2, _db.Scalar("SELECT sequence_nr FROM journal_metadata WHERE persistence_id = 'p'"));
        using var reopened = Open();
        Assert.Equal(2, await reopened.ReadHighestSequenceNrAsync("p", 0));
        Assert.Equal(new NodeAcked("n", 7), Assert.Single(await reopened.ReplayAsync("keep")).Payload);
    }

    [Fact]
    public async Task Dispose_WithQueuedWrites_CommitsThemBeforeClosing()
    {
        var journal = Open();
        var calls = Enumerable.Range(1, 100).Select(i => journal.WriteMessagesAsync([JournalEvent("p", i, new PodQueued("a", i))])).ToArray();

        journal.Dispose();

        Assert.All(calls, c => Assert.True(c.IsCompletedSuccessfully));
        Assert.Equal(100, _db.Scalar("SELECT COUNT(*) FROM event_journal WHERE persistence_id = 'p'"));
        await Task.WhenAll(calls);
    }

    [Fact]
    public async Task WriteMessages_AfterDispose_FailsWithObjectDisposed()
    {
        var journal = Open();
        journal.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => journal.WriteMessagesAsync([JournalEvent("p", 1, new PodQueued("a", 1))]));
    }

    private SqliteJournal Open() => new(
        new SqliteJournalOptions { ConnectionString = _db.ConnectionString, AutoInitialize = true },
        PersistenceTestEvents.CreateRegistry());

    private List<string> Columns(string table)
    {
        using var connection = _db.OpenRaw();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT name, type FROM pragma_table_info('{table}') ORDER BY cid";
        using var reader = command.ExecuteReader();
        var columns = new List<string>();
        while (reader.Read())
        {
            columns.Add(reader.GetString(0) + " " + reader.GetString(1));
        }

        return columns;
    }

    private string Text(string sql)
    {
        using var connection = _db.OpenRaw();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
    }
}
