using Actors.Kernel.Persistence.Serialization;
using Actors.Kernel.Persistence.Snapshot;

namespace Actors.Kernel.Tests.Persistence;

/// <summary>Behaviour every <see cref="ISnapshotStore"/> must show; one fresh store per test.</summary>
public abstract class SnapshotStoreContractTests : IDisposable
{
    private static readonly DateTime T0 = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private readonly Lazy<ISnapshotStore> _store;

    protected SnapshotStoreContractTests()
    {
        _store = new Lazy<ISnapshotStore>(() => CreateStore(PersistenceTestEvents.CreateRegistry()));
    }

    protected ISnapshotStore Store => _store.Value;

    public void Dispose()
    {
        if (_store.IsValueCreated && _store.Value is IDisposable d)
        {
            d.Dispose();
        }

        DisposeStorage();
        GC.SuppressFinalize(this);
    }

    protected abstract ISnapshotStore CreateStore(SerializerRegistry registry);

    protected virtual void DisposeStorage()
    {
    }

    [Fact]
    public async Task Load_NoSnapshot_ReturnsNull()
    {
        Assert.Null(await Store.LoadAsync("p", SnapshotSelectionCriteria.Latest));
    }

    [Fact]
    public async Task Load_Latest_ReturnsHighestSequenceNrOfThatPersistenceId()
    {
        await SaveThree("p");
        await Store.SaveAsync(new SnapshotMetadata("other", 99, T0), new CounterState(99, "other"));

        var selected = await Store.LoadAsync("p", SnapshotSelectionCriteria.Latest);

        Assert.NotNull(selected);
        Assert.Equal(new SnapshotMetadata("p", 30, T0.AddMinutes(3)), selected.Metadata);
        Assert.Equal(new CounterState(30, "c"), selected.Snapshot);
    }

    [Fact]
    public async Task Load_MaxSequenceNr_SelectsNewestAtOrBelowIt()
    {
        await SaveThree("p");

        var selected = await Store.LoadAsync("p", new SnapshotSelectionCriteria(25));

        Assert.Equal(20, selected?.Metadata.SequenceNr);
    }

    [Fact]
    public async Task Load_MaxTimestamp_SelectsNewestTakenBeforeIt()
    {
        await SaveThree("p");

        var selected = await Store.LoadAsync("p", new SnapshotSelectionCriteria(long.MaxValue, T0.AddMinutes(1)));

        Assert.Equal(10, selected?.Metadata.SequenceNr);
    }

    [Fact]
    public async Task Load_MinSequenceNrAboveAll_ReturnsNull()
    {
        await SaveThree("p");

        Assert.Null(await Store.LoadAsync("p", SnapshotSelectionCriteria.Latest with { MinSequenceNr = 31 }));
    }

    [Fact]
    public async Task Load_CriteriaNone_ReturnsNull()
    {
        await SaveThree("p");

        Assert.Null(await Store.LoadAsync("p", SnapshotSelectionCriteria.None));
    }

    [Fact]
    public async Task Save_SameSequenceNr_ReplacesSnapshot()
    {
        await Store.SaveAsync(new SnapshotMetadata("p", 5, T0), new CounterState(5, "old"));
        await Store.SaveAsync(new SnapshotMetadata("p", 5, T0.AddSeconds(1)), new CounterState(5, "new"));

        var selected = await Store.LoadAsync("p", SnapshotSelectionCriteria.Latest);

        Assert.Equal(new CounterState(5, "new"), selected?.Snapshot);
        Assert.Equal(T0.AddSeconds(1), selected?.Metadata.Timestamp);
    }

    [Fact]
    public async Task Save_WithoutTimestamp_StampsCurrentTime()
    {
        var before = DateTime.UtcNow;
        await Store.SaveAsync(new SnapshotMetadata("p", 1), new CounterState(1, "x"));

        var selected = await Store.LoadAsync("p", SnapshotSelectionCriteria.Latest);

        Assert.InRange(selected!.Metadata.Timestamp, before, DateTime.UtcNow);
    }

    [Fact]
    public async Task Save_UnregisteredType_FailsAndStoresNothing()
    {
        await Assert.ThrowsAsync<PersistenceSerializationException>(() => Store.SaveAsync(new SnapshotMetadata("p", 1, T0), new NotRegistered(1)));

        Assert.Null(await Store.LoadAsync("p", SnapshotSelectionCriteria.Latest));
    }

    [Fact]
    public async Task DeleteByMetadata_RemovesOnlyThatSnapshot()
    {
        await SaveThree("p");

        await Store.DeleteAsync(new SnapshotMetadata("p", 30, T0));

        Assert.Equal(20, (await Store.LoadAsync("p", SnapshotSelectionCriteria.Latest))?.Metadata.SequenceNr);
    }

    [Fact]
    public async Task DeleteByCriteria_RemovesMatchingAndKeepsOthers()
    {
        await SaveThree("p");
        await SaveThree("other");

        await Store.DeleteAsync("p", new SnapshotSelectionCriteria(20));

        Assert.Null(await Store.LoadAsync("p", new SnapshotSelectionCriteria(20)));
        Assert.Equal(30, (await Store.LoadAsync("p", SnapshotSelectionCriteria.Latest))?.Metadata.SequenceNr);
        Assert.Equal(10, (await Store.LoadAsync("other", new SnapshotSelectionCriteria(10)))?.Metadata.SequenceNr);
    }

    private async Task SaveThree(string pid)
    {
        await Store.SaveAsync(new SnapshotMetadata(pid, 10, T0.AddMinutes(1)), new CounterState(10, "a"));
        await Store.SaveAsync(new SnapshotMetadata(pid, 20, T0.AddMinutes(2)), new CounterState(20, "b"));
        await Store.SaveAsync(new SnapshotMetadata(pid, 30, T0.AddMinutes(3)), new CounterState(30, "c"));
    }
}
