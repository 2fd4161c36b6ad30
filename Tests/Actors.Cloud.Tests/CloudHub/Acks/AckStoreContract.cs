using Actors.Cloud.Modules.CloudHub.Sessions;

namespace Actors.Cloud.Tests.CloudHub.Acks;

/// <summary>The behaviour every <see cref="IAckStore"/> must have (run against each implementation).</summary>
public abstract class AckStoreContract
{
    protected abstract IAckStore Store { get; }

    [Fact]
    public void AckedVersion_Unknown_IsNull()
    {
        Assert.Null(Store.AckedVersion("edge-1", "uid-1"));
    }

    [Fact]
    public void RecordAck_ThenRead_ReturnsLatestVersionPerNodeAndObject()
    {
        Store.RecordAck("edge-1", "uid-1", "5");
        Store.RecordAck("edge-1", "uid-1", "9");
        Store.RecordAck("edge-2", "uid-1", "3");
        Store.RecordAck("edge-1", "uid-2", "1");

        Assert.Equal("9", Store.AckedVersion("edge-1", "uid-1"));
        Assert.Equal("3", Store.AckedVersion("edge-2", "uid-1"));
        Assert.Equal("1", Store.AckedVersion("edge-1", "uid-2"));
    }

    [Fact]
    public void Forget_RemovesOnlyThatNodesObject()
    {
        Store.RecordAck("edge-1", "uid-1", "5");
        Store.RecordAck("edge-2", "uid-1", "5");

        Store.Forget("edge-1", "uid-1");
        Store.Forget("edge-1", "never-seen");

        Assert.Null(Store.AckedVersion("edge-1", "uid-1"));
        Assert.Equal("5", Store.AckedVersion("edge-2", "uid-1"));
    }

    [Fact]
    public void AckedObjects_PerNode_WithPathsAndWithoutForgotten()
    {
        Store.RecordAck("edge-1", "uid-1", "5", "node/edge-1/default/pod/a");
        Store.RecordAck("edge-1", "uid-2", "6", "node/edge-1/default/configmap/c");
        Store.RecordAck("edge-2", "uid-3", "1", "node/edge-2/default/pod/b");
        Store.Forget("edge-1", "uid-2");

        Assert.Equal([new AckedObject("uid-1", "node/edge-1/default/pod/a")], Store.AckedObjects("edge-1"));
        Assert.Empty(Store.AckedObjects("edge-9"));
    }

    [Fact]
    public void RecordSent_NeverAcked_ListedWithoutAVersionThatStopsSends()
    {
        Store.RecordSent("edge-1", "uid-1", "node/edge-1/default/configmap/c");

        Assert.Equal([new AckedObject("uid-1", "node/edge-1/default/configmap/c")], Store.AckedObjects("edge-1"));
        Assert.Equal(string.Empty, Store.AckedVersion("edge-1", "uid-1"));
    }

    [Fact]
    public void RecordSent_AfterAck_KeepsTheAcknowledgedVersion()
    {
        Store.RecordAck("edge-1", "uid-1", "7", "node/edge-1/default/pod/p");

        Store.RecordSent("edge-1", "uid-1", "node/edge-1/default/pod/p");
        Store.RecordAck("edge-1", "uid-2", "3");
        Store.RecordSent("edge-1", "uid-2", "node/edge-1/default/secret/s");

        Assert.Equal("7", Store.AckedVersion("edge-1", "uid-1"));
        Assert.Equal("3", Store.AckedVersion("edge-1", "uid-2"));
        Assert.Contains(new AckedObject("uid-2", "node/edge-1/default/secret/s"), Store.AckedObjects("edge-1"));
    }

    [Fact]
    public async Task RecordAck_FromManyThreads_AllKept()
    {
        await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < 500; i++)
            {
                Store.RecordAck("edge-" + t, "uid-" + i, i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        })));

        Assert.All(Enumerable.Range(0, 8), t => Assert.Equal("499", Store.AckedVersion("edge-" + t, "uid-499")));
    }
}

public sealed class InMemoryAckStoreTests : AckStoreContract
{
    protected override IAckStore Store { get; } = new InMemoryAckStore();
}

public sealed class SqliteAckStoreTests : AckStoreContract, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ackstore-").FullName;
    private readonly SqliteAckStore _store;

    public SqliteAckStoreTests() => _store = new SqliteAckStore(Path.Combine(_dir, "cloudhub.db"));

    protected override IAckStore Store => _store;

    public void Dispose()
    {
        _store.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void Reopen_AfterDispose_KeepsAcksAndForgets()
    {
        var path = Path.Combine(_dir, "restart.db");
        using (var first = new SqliteAckStore(path))
        {
            first.RecordAck("edge-1", "uid-1", "7");
            first.RecordAck("edge-1", "uid-2", "3");
            first.Flush();
            first.RecordAck("edge-1", "uid-1", "8"); // written by Dispose
            first.Forget("edge-1", "uid-2");
        }

        using var second = new SqliteAckStore(path);

        Assert.Equal("8", second.AckedVersion("edge-1", "uid-1"));
        Assert.Null(second.AckedVersion("edge-1", "uid-2"));
    }

    [Fact]
    public void Reopen_BatchOfManyRowsAndDeletes_EveryRowIsDurable()
    {
        var path = Path.Combine(_dir, "batch.db");
        using (var first = new SqliteAckStore(path))
        {
            for (var i = 0; i < 300; i++) // several multi-row statements plus a remainder written row by row
            {
                first.RecordAck("edge-" + (i % 7), "uid-" + i, i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            first.Flush();
            for (var i = 0; i < 300; i += 3)
            {
                first.Forget("edge-" + (i % 7), "uid-" + i);
                first.RecordAck("edge-" + ((i + 1) % 7), "uid-" + (i + 1), "new");
            }
        }

        using var second = new SqliteAckStore(path);

        for (var i = 0; i < 300; i++)
        {
            var expected = (i % 3) switch
            {
                0 => null,
                1 => "new",
                _ => i.ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
            Assert.Equal(expected, second.AckedVersion("edge-" + (i % 7), "uid-" + i));
        }
    }

    [Fact]
    public void Reopen_ObjectPaths_Kept()
    {
        var path = Path.Combine(_dir, "paths.db");
        using (var first = new SqliteAckStore(path))
        {
            first.RecordAck("edge-1", "uid-1", "7", "node/edge-1/default/secret/s");
        }

        using var second = new SqliteAckStore(path);

        Assert.Equal([new AckedObject("uid-1", "node/edge-1/default/secret/s")], second.AckedObjects("edge-1"));
    }

    [Fact]
    public void Open_StoreFromBeforeObjectPaths_MigratedRowsKeptWithEmptyPath()
    {
        var path = Path.Combine(_dir, "old.db");
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + path + ";Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE object_sync (node TEXT NOT NULL, uid TEXT NOT NULL, version TEXT NOT NULL, PRIMARY KEY (node, uid)) WITHOUT ROWID;"
                + "INSERT INTO object_sync VALUES ('edge-1', 'uid-1', '4')";
            command.ExecuteNonQuery();
        }

        using var store = new SqliteAckStore(path);

        Assert.Equal("4", store.AckedVersion("edge-1", "uid-1"));
        Assert.Equal([new AckedObject("uid-1", string.Empty)], store.AckedObjects("edge-1"));
        store.RecordAck("edge-1", "uid-2", "1", "node/edge-1/default/pod/p");
        store.Flush();
    }

    [Fact]
    public void Reopen_SentButNeverAcked_StillListed()
    {
        var path = Path.Combine(_dir, "sent.db");
        using (var first = new SqliteAckStore(path))
        {
            first.RecordSent("edge-1", "uid-1", "node/edge-1/default/configmap/c");
        }

        using var second = new SqliteAckStore(path);

        Assert.Equal([new AckedObject("uid-1", "node/edge-1/default/configmap/c")], second.AckedObjects("edge-1"));
    }

    [Fact]
    public void Open_NotADatabase_ThrowsClearError()
    {
        var path = Path.Combine(_dir, "garbage.db");
        File.WriteAllText(path, new string('x', 4096));

        var e = Assert.ThrowsAny<Microsoft.Data.Sqlite.SqliteException>(() => new SqliteAckStore(path));

        Assert.Contains("not a database", e.Message, StringComparison.OrdinalIgnoreCase);
    }
}
