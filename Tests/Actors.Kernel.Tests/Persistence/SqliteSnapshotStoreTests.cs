using Actors.Kernel.Persistence.Journal;
using Actors.Kernel.Persistence.Snapshot;
using Actors.Kernel.Persistence.Sqlite;

namespace Actors.Kernel.Tests.Persistence;

public sealed class SqliteSnapshotStoreTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public void AutoInitialize_EmptyDatabase_CreatesAkkaSnapshotTable()
    {
        using var store = Open();

        using var connection = _db.OpenRaw();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT group_concat(name || ' ' || type || ' ' || pk, ', ') FROM pragma_table_info('snapshot')";
        Assert.Equal(
            "persistence_id VARCHAR(255) 1, sequence_nr INTEGER(8) 2, created_at INTEGER(8) 0, manifest VARCHAR(255) 0, payload BLOB 0, serializer_id INTEGER(4) 0",
            command.ExecuteScalar());
    }

    [Fact]
    public async Task Save_Snapshot_StoresManifestSerializerIdAndTicks()
    {
        using var store = Open();
        var at = new DateTime(2026, 3, 4, 5, 6, 7, DateTimeKind.Utc);

        await store.SaveAsync(new SnapshotMetadata("twin", 3, at), new CounterState(3, "x"));

        Assert.Equal(at.Ticks, _db.Scalar("SELECT created_at FROM snapshot WHERE persistence_id = 'twin' AND sequence_nr = 3"));
        Assert.Equal(1001, _db.Scalar("SELECT serializer_id FROM snapshot"));
        Assert.Equal(1, _db.Scalar("SELECT COUNT(*) FROM snapshot WHERE manifest = 'counter-state.v1'"));
    }

    [Fact]
    public async Task Load_CorruptedSnapshotRow_FailsNamingPersistenceIdAndSequenceNr()
    {
        using var store = Open();
        await store.SaveAsync(new SnapshotMetadata("twin", 12), new CounterState(12, "x"));
        _db.Execute("UPDATE snapshot SET payload = X'7B7B7B'");

        var ex = await Assert.ThrowsAsync<PersistenceRecoveryException>(() => store.LoadAsync("twin", SnapshotSelectionCriteria.Latest));

        Assert.Equal("twin", ex.PersistenceId);
        Assert.Equal(12, ex.SequenceNr);
    }

    [Fact]
    public async Task SharedFileWithJournal_BothWork()
    {
        using var journal = new SqliteJournal(
            new SqliteJournalOptions { ConnectionString = _db.ConnectionString, AutoInitialize = true }, PersistenceTestEvents.CreateRegistry());
        using var store = Open();

        var writes = Enumerable.Range(1, 50).Select(i => journal.WriteMessagesAsync([JournalTestExtensions.JournalEvent("p", i, new PodQueued("a", i))]));
        await store.SaveAsync(new SnapshotMetadata("p", 25), new CounterState(25, "mid"));
        await Task.WhenAll(writes).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(25, (await store.LoadAsync("p", SnapshotSelectionCriteria.Latest))?.Metadata.SequenceNr);
        Assert.Equal(50, await journal.ReadHighestSequenceNrAsync("p", 0));
    }

    private SqliteSnapshotStore Open() => new(
        new SqliteSnapshotStoreOptions { ConnectionString = _db.ConnectionString, AutoInitialize = true },
        PersistenceTestEvents.CreateRegistry());
}
