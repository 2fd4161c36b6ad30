using Actors.Edge.Modules.MetaManager.Storage;
using Actors.Edge.Modules.MetaManager.Storage.Models;
using Actors.TestKit;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Actors.Edge.Tests.MetaManager.Storage;

public sealed class SqliteMetaStoreTests : IDisposable
{
    private readonly TempDb _db = new();

    public void Dispose() => _db.Dispose();

    private SqliteMetaStore Open(MetaStoreOptions? options = null, TimeProvider? time = null, ISqliteWriteFault? fault = null) =>
        new(_db.Path, options ?? new MetaStoreOptions(), NullLogger.Instance, time, fault);

    private SqliteConnection Raw()
    {
        var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _db.Path, Pooling = false }.ToString());
        c.Open();
        return c;
    }

    private static string Scalar(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToString(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture)!;
    }

    private static void Exec(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    [Fact]
    public async Task Open_FreshDatabase_MigratesToLatestWithWal()
    {
        await using (Open())
        {
        }

        using var c = Raw();
        Assert.Equal(SqliteSchema.LatestVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Scalar(c, "SELECT version FROM schema_versions WHERE component = 'metamanager'"));
        Assert.Equal("0", Scalar(c, "PRAGMA user_version"));
        Assert.Equal("0", Scalar(c, "SELECT count(*) FROM sqlite_master WHERE name IN ('device', 'device_attr', 'device_twin', 'sub_topics', 'target_urls')"));
        Assert.Equal("wal", Scalar(c, "PRAGMA journal_mode"));
    }

    [Fact]
    public async Task Reopen_ExistingDatabase_KeepsDataAndRunsNoMigration()
    {
        var record = MetaRecord.For("default", "pod", "a", MetaStoreContractTests.Pod("a", "u1"));
        await using (var store = Open())
        {
            await store.UpsertAsync(record);
        }

        using (var c = Raw())
        {
            Assert.Equal(0, SqliteSchema.Migrate(c));
        }

        await using var reopened = Open();
        Assert.Equal(record, await reopened.GetAsync(record.Key));
    }

    [Fact]
    public async Task Open_DatabaseWrittenByKubeEdge_AdoptsTablesAndRows()
    {
        using (var c = Raw())
        {
            Exec(c, "CREATE TABLE meta (key TEXT PRIMARY KEY, type TEXT, value TEXT);"
                + "INSERT OR REPLACE INTO meta (key, type, value) VALUES ('null/node/e1', 'node', '{}')");
        }

        await using var store = Open();
        Assert.Equal(new MetaRecord("null/node/e1", "node", "{}"), await store.GetAsync("null/node/e1"));
    }

    [SchemaExampleFact]
    public async Task Schema_OnDisk_EqualsKubeEdgeExampleColumns()
    {
        // MetaManager creates only its own tables; with DeviceTwin's store in the same file the set equals KubeEdge's
        // (minus EventBus/ServiceBus's sub_topics and target_urls, which those modules create).
        await using (Open())
        {
        }

        new Actors.Edge.Modules.DeviceTwin.Storage.SqliteDeviceStore(
            new SqliteConnectionStringBuilder { DataSource = _db.Path, Pooling = false }.ToString()).Dispose();

        using var example = new SqliteConnection("Data Source=:memory:");
        example.Open();
        Exec(example, await File.ReadAllTextAsync(SchemaExampleFactAttribute.FindExample()!));
        using var ours = Raw();
        var exampleTables = Tables(example).Where(t => t is not ("sub_topics" or "target_urls")).ToList();
        // Ours only: schema_versions (per-component migrations) and DeviceTwin's durable cloud outbox.
        Assert.Equal(exampleTables, Tables(ours).Where(t => t is not ("schema_versions" or "device_cloud_outbox")));
        foreach (var table in exampleTables)
        {
            Assert.Equal(Columns(example, table), Columns(ours, table));
        }
    }

    private static List<string> Tables(SqliteConnection c)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'sqlite_sequence' ORDER BY name";
        using var r = cmd.ExecuteReader();
        var names = new List<string>();
        while (r.Read())
        {
            names.Add(r.GetString(0));
        }

        return names;
    }

    private static List<string> Columns(SqliteConnection c, string table)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"PRAGMA table_info({table})";
        using var r = cmd.ExecuteReader();
        var columns = new List<string>();
        while (r.Read())
        {
            columns.Add($"{r.GetString(1)}:{r.GetString(2)}:notnull={r.GetInt32(3)}:pk={r.GetInt32(5)}");
        }

        return columns;
    }

    [Fact]
    public async Task Upsert_StoresRowVisibleToPlainSql()
    {
        await using var store = Open();
        await store.UpsertAsync(MetaRecord.For("default", "configmap", "cfg", """{"data":{"a":"b"}}"""));
        using var c = Raw();
        Assert.Equal("default/configmap/cfg|configmap|{\"data\":{\"a\":\"b\"}}", Scalar(c, "SELECT key || '|' || type || '|' || value FROM meta"));
    }

    [Fact]
    public async Task Write_TransientFailureThenSuccess_RetriesWithBackoffAndCommits()
    {
        var time = new ManualTimeProvider();
        var fault = new FailingCommits(failures: 2, errorCode: 5);
        await using var store = Open(new MetaStoreOptions(RetryBaseDelay: TimeSpan.FromSeconds(1)), time, fault);
        var write = store.UpsertAsync(MetaRecord.For("default", "secret", "s", "{}"));
        for (var i = 0; i < 2; i++)
        {
            await WaitForTimer(time);
            time.Advance(TimeSpan.FromSeconds(2 << i));
        }

        Assert.True(await write.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(3, fault.Attempts);
        Assert.NotNull(await store.GetAsync("default/secret/s"));
    }

    [Fact]
    public async Task Write_DatabaseLockedByAnotherConnection_RetriesUntilLockIsReleased()
    {
        var time = new ManualTimeProvider();
        await using var store = Open(new MetaStoreOptions(RetryBaseDelay: TimeSpan.FromSeconds(1), BusyTimeout: TimeSpan.Zero), time);
        using var other = Raw();
        Exec(other, "PRAGMA busy_timeout = 0");
        using var lockHolder = other.BeginTransaction(deferred: false);
        var write = store.UpsertAsync(MetaRecord.For("default", "secret", "s", "{}"));
        await WaitForTimer(time);
        Assert.False(write.IsCompleted);
        lockHolder.Commit();
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await write.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.NotNull(await store.GetAsync("default/secret/s"));
    }

    [Fact]
    public async Task Write_LockHeldLongerThanBusyTimeout_FailsAfterBusyTimeoutNotThirtySeconds()
    {
        // Before the fix Microsoft.Data.Sqlite's own 30 s command timeout kept the write waiting; the deadline
        // below (15 s) is far above the 1 s busy timeout and far below 30 s.
        await using var store = Open(new MetaStoreOptions(MaxWriteAttempts: 1, BusyTimeout: TimeSpan.FromSeconds(1)));
        using var other = Raw();
        using var lockHolder = other.BeginTransaction(deferred: false);
        var write = store.UpsertAsync(MetaRecord.For("default", "secret", "s", "{}"));
        var finished = await Task.WhenAny(write, Task.Delay(TimeSpan.FromSeconds(15)));
        Assert.Same(write, finished);
        await Assert.ThrowsAsync<MetaStoreWriteException>(() => write);
        lockHolder.Rollback();
    }

    [Fact]
    public async Task Write_RetriesExhausted_ThrowsAndStoresNothing()
    {
        var fault = new FailingCommits(failures: int.MaxValue, errorCode: 10);
        await using var store = Open(new MetaStoreOptions(MaxWriteAttempts: 3, RetryBaseDelay: TimeSpan.Zero), fault: fault);
        var ex = await Assert.ThrowsAsync<MetaStoreWriteException>(() =>
            store.WriteBatchAsync([new MetaWrite.Upsert(MetaRecord.For("default", "secret", "s", "{}"))]));
        Assert.Equal(3, ex.Attempts);
        Assert.Equal(3, fault.Attempts);
        Assert.Null(await store.GetAsync("default/secret/s"));
    }

    [Fact]
    public async Task Write_NonTransientFailure_ThrowsWithoutRetry()
    {
        var fault = new FailingCommits(failures: int.MaxValue, errorCode: 19);
        await using var store = Open(fault: fault);
        await Assert.ThrowsAsync<MetaStoreWriteException>(() => store.DeleteAsync("default/secret/s"));
        Assert.Equal(1, fault.Attempts);
    }

    [Fact]
    public async Task Read_CorruptedRows_GetNamesKeyAndListSkipsThemKeepingThem()
    {
        await using var store = Open();
        await store.UpsertAsync(MetaRecord.For("default", "pod", "good", MetaStoreContractTests.Pod("good", "u")));
        using (var c = Raw())
        {
            Exec(c, "INSERT INTO meta VALUES ('default/pod/broken', 'pod', '{not json'), ('default/pod/odd', 'gizmo', '{}')");
        }

        var ex = await Assert.ThrowsAsync<MetaStoreCorruptionException>(() => store.GetAsync("default/pod/broken"));
        Assert.Contains("default/pod/broken", ex.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<MetaStoreCorruptionException>(() => store.GetAsync("default/pod/odd"));
        var list = await store.ListAsync("pod");
        Assert.Equal(["default/pod/good"], list.Records.Select(r => r.Key));
        Assert.Equal(["default/pod/broken"], list.Skipped.Select(s => s.Key));
        using var check = Raw();
        Assert.Equal("3", Scalar(check, "SELECT count(*) FROM meta"));
        await Assert.ThrowsAsync<MetaStoreCorruptionException>(() => store.DeletePodAsync("default", "broken", "u"));
    }

    [Fact]
    public async Task Open_NewerSchemaVersion_RefusesClearly()
    {
        using (var c = Raw())
        {
            Exec(c, "CREATE TABLE schema_versions (component TEXT PRIMARY KEY, version INTEGER NOT NULL)");
            Exec(c, "INSERT INTO schema_versions VALUES ('metamanager', 99)");
        }

        var ex = Assert.Throws<InvalidOperationException>(() => Open());
        Assert.Contains("99", ex.Message, StringComparison.Ordinal);
        await Task.CompletedTask;
    }

    private static async Task WaitForTimer(ManualTimeProvider time)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (time.ActiveTimerCount == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "no retry timer was armed");
            await Task.Yield();
        }
    }

    private sealed class FailingCommits(int failures, int errorCode) : ISqliteWriteFault
    {
        public int Attempts { get; private set; }

        public void BeforeCommit(int attempt)
        {
            Attempts = attempt;
            if (attempt <= failures)
            {
                throw new SqliteException($"injected failure {errorCode}", errorCode);
            }
        }
    }
}
