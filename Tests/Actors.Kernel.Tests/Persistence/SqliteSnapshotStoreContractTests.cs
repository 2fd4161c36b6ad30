using Actors.Kernel.Persistence.Serialization;
using Actors.Kernel.Persistence.Snapshot;
using Actors.Kernel.Persistence.Sqlite;

namespace Actors.Kernel.Tests.Persistence;

public sealed class SqliteSnapshotStoreContractTests : SnapshotStoreContractTests
{
    private readonly TempDatabase _db = new();

    protected override ISnapshotStore CreateStore(SerializerRegistry registry) =>
        new SqliteSnapshotStore(new SqliteSnapshotStoreOptions { ConnectionString = _db.ConnectionString, AutoInitialize = true }, registry);

    protected override void DisposeStorage() => _db.Dispose();
}
