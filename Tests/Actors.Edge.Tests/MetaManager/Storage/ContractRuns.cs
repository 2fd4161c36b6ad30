using Actors.Edge.Modules.MetaManager.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Actors.Edge.Tests.MetaManager.Storage;

/// <summary>The contract against a fresh SQLite file per test.</summary>
public sealed class SqliteMetaStoreContractTests : MetaStoreContractTests, IDisposable
{
    private readonly TempDb _db = new();

    protected override IMetaStore CreateStore(MetaStoreOptions options) =>
        new SqliteMetaStore(_db.Path, options, NullLogger<SqliteMetaStore>.Instance);

    public void Dispose() => _db.Dispose();
}

/// <summary>The contract against the in-memory store.</summary>
public sealed class InMemoryMetaStoreContractTests : MetaStoreContractTests
{
    protected override IMetaStore CreateStore(MetaStoreOptions options) =>
        new InMemoryMetaStore(options, NullLogger<InMemoryMetaStore>.Instance);
}

/// <summary>A database path in a fresh temporary directory, removed afterwards.</summary>
internal sealed class TempDb : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("metastore-").FullName;

    public string Path => System.IO.Path.Combine(_dir, "edgecore.db");

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // best effort clean-up of a temp directory
        }
    }
}
