using Actors.Kernel.Persistence.Serialization;
using Actors.Kernel.Persistence.Snapshot;

namespace Actors.Kernel.Tests.Persistence;

public sealed class MemorySnapshotStoreContractTests : SnapshotStoreContractTests
{
    protected override ISnapshotStore CreateStore(SerializerRegistry registry) => new MemorySnapshotStore(registry);
}
