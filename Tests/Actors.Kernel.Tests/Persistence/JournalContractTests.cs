using Actors.Kernel.Persistence.Journal;
using Actors.Kernel.Persistence.Serialization;
using static Actors.Kernel.Tests.Persistence.JournalTestExtensions;

namespace Actors.Kernel.Tests.Persistence;

/// <summary>
/// Behaviour every <see cref="IAsyncJournal"/> must show; run against each implementation by a
/// derived class. Each test gets a fresh, empty journal.
/// </summary>
public abstract class JournalContractTests : IDisposable
{
    private readonly Lazy<IAsyncJournal> _journal;

    protected JournalContractTests()
    {
        _journal = new Lazy<IAsyncJournal>(() => CreateJournal(PersistenceTestEvents.CreateRegistry()));
    }

    protected IAsyncJournal Journal => _journal.Value;

    public void Dispose()
    {
        if (_journal.IsValueCreated && _journal.Value is IDisposable d)
        {
            d.Dispose();
        }

        DisposeStorage();
        GC.SuppressFinalize(this);
    }

    protected abstract IAsyncJournal CreateJournal(SerializerRegistry registry);

    protected virtual void DisposeStorage()
    {
    }

    [Fact]
    public async Task Replay_AfterWrites_ReturnsAllEventsInOrder()
    {
        for (var i = 1; i <= 10; i++)
        {
            await Journal.WriteOkAsync(JournalEvent("pod-a", i, new PodQueued("a", i)));
        }

        var replayed = await Journal.ReplayAsync("pod-a");

        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), replayed.Select(e => e.SequenceNr));
        Assert.Equal(Enumerable.Range(1, 10).Select(i => new PodQueued("a", i)), replayed.Select(e => e.Payload));
        Assert.All(replayed, e => Assert.Equal("pod-a", e.PersistenceId));
    }

    [Fact]
    public async Task Replay_Range_ReturnsOnlyEventsWithinInclusiveBounds()
    {
        await Journal.WriteOkAsync(Events("p", 1, Enumerable.Range(1, 10).Select(i => (object)new PodQueued("x", i)).ToArray()));

        var replayed = await Journal.ReplayAsync("p", from: 3, to: 7);

        Assert.Equal([3L, 4, 5, 6, 7], replayed.Select(e => e.SequenceNr));
    }

    [Fact]
    public async Task Replay_Max_StopsAfterMaxEvents()
    {
        await Journal.WriteOkAsync(Events("p", 1, Enumerable.Range(1, 10).Select(i => (object)new PodQueued("x", i)).ToArray()));

        var replayed = await Journal.ReplayAsync("p", from: 4, max: 3);

        Assert.Equal([4L, 5, 6], replayed.Select(e => e.SequenceNr));
    }

    [Fact]
    public async Task Replay_UnknownPersistenceId_ReplaysNothing()
    {
        await Journal.WriteOkAsync(JournalEvent("known", 1, new PodQueued("a", 1)));

        Assert.Empty(await Journal.ReplayAsync("unknown"));
        Assert.Equal(0, await Journal.ReadHighestSequenceNrAsync("unknown", 0));
    }

    [Fact]
    public async Task Replay_TaggedEvent_KeepsTagsManifestAndTimestamp()
    {
        var before = DateTime.UtcNow.Ticks;
        await Journal.WriteOkAsync(JournalEvent("p", 1, new NodeAcked("edge-1", 42), "node", "ack"));

        var e = Assert.Single(await Journal.ReplayAsync("p"));

        Assert.Equal(new NodeAcked("edge-1", 42), e.Payload);
        Assert.Equal(["node", "ack"], e.Tags.ToArray());
        Assert.Equal("node-acked.v1", e.Manifest);
        Assert.InRange(e.Timestamp, before, DateTime.UtcNow.Ticks);
    }

    [Fact]
    public async Task ReadHighest_AfterWrites_ReturnsLastSequenceNr()
    {
        await Journal.WriteOkAsync(Events("p", 1, new PodQueued("a", 1), new PodQueued("a", 2), new PodQueued("a", 3)));
        await Journal.WriteOkAsync(JournalEvent("other", 1, new PodQueued("b", 1)));

        Assert.Equal(3, await Journal.ReadHighestSequenceNrAsync("p", 0));
        Assert.Equal(1, await Journal.ReadHighestSequenceNrAsync("other", 0));
    }

    [Fact]
    public async Task DeleteMessagesTo_Prefix_RemovesOnlyThosePrefixEvents()
    {
        await Journal.WriteOkAsync(Events("p", 1, Enumerable.Range(1, 5).Select(i => (object)new PodQueued("x", i)).ToArray()));
        await Journal.WriteOkAsync(JournalEvent("other", 1, new PodQueued("o", 1)));

        await Journal.DeleteMessagesToAsync("p", 3);

        Assert.Equal([4L, 5], (await Journal.ReplayAsync("p")).Select(e => e.SequenceNr));
        Assert.Single(await Journal.ReplayAsync("other"));
        Assert.Equal(5, await Journal.ReadHighestSequenceNrAsync("p", 0));
    }

    [Fact]
    public async Task DeleteMessagesTo_AllEvents_KeepsHighestSequenceNr()
    {
        await Journal.WriteOkAsync(Events("p", 1, new PodQueued("a", 1), new PodQueued("a", 2), new PodQueued("a", 3)));

        await Journal.DeleteMessagesToAsync("p", long.MaxValue);

        Assert.Empty(await Journal.ReplayAsync("p"));
        Assert.Equal(3, await Journal.ReadHighestSequenceNrAsync("p", 0));
    }

    [Fact]
    public async Task DeleteMessagesTo_RepeatedAfterNewWrites_HighestFollowsLatestWrite()
    {
        await Journal.WriteOkAsync(Events("p", 1, new PodQueued("a", 1), new PodQueued("a", 2)));
        await Journal.DeleteMessagesToAsync("p", 2);
        await Journal.WriteOkAsync(JournalEvent("p", 3, new PodQueued("a", 3)));
        await Journal.DeleteMessagesToAsync("p", 3);

        Assert.Empty(await Journal.ReplayAsync("p"));
        Assert.Equal(3, await Journal.ReadHighestSequenceNrAsync("p", 0));
    }

    [Fact]
    public async Task WriteMessages_OneUnserializablePayload_RejectsOnlyThatWrite()
    {
        var results = await Journal.WriteMessagesAsync(
        [
            JournalEvent("p", 1, new PodQueued("a", 1)),
            JournalEvent("q", 1, new NotRegistered(7)),
            JournalEvent("r", 1, new PodQueued("c", 1)),
        ]);

        Assert.Null(results[0]);
        Assert.IsType<PersistenceSerializationException>(results[1]);
        Assert.Contains(nameof(NotRegistered), results[1]!.Message, StringComparison.Ordinal);
        Assert.Null(results[2]);
        Assert.Single(await Journal.ReplayAsync("p"));
        Assert.Empty(await Journal.ReplayAsync("q"));
        Assert.Single(await Journal.ReplayAsync("r"));
    }

    [Fact]
    public async Task WriteMessages_AtomicWriteWithOneBadEvent_StoresNoneOfIt()
    {
        var results = await Journal.WriteMessagesAsync([Events("p", 1, new PodQueued("a", 1), new NotRegistered(2))]);

        Assert.NotNull(results[0]);
        Assert.Empty(await Journal.ReplayAsync("p"));
        Assert.Equal(0, await Journal.ReadHighestSequenceNrAsync("p", 0));
    }

    [Fact]
    public async Task WriteMessages_TagWithSeparator_IsRejected()
    {
        var results = await Journal.WriteMessagesAsync([JournalEvent("p", 1, new PodQueued("a", 1), "bad;tag"), JournalEvent("q", 1, new PodQueued("b", 1), "ok")]);

        Assert.IsType<ArgumentException>(results[0]);
        Assert.Null(results[1]);
        Assert.Empty(await Journal.ReplayAsync("p"));
    }

    [Fact]
    public async Task WriteMessages_DuplicateSequenceNr_FailsTheCall()
    {
        await Journal.WriteOkAsync(JournalEvent("p", 1, new PodQueued("a", 1)));

        await Assert.ThrowsAnyAsync<Exception>(() => Journal.WriteMessagesAsync([JournalEvent("p", 1, new PodQueued("dup", 1))]));

        var e = Assert.Single(await Journal.ReplayAsync("p"));
        Assert.Equal(new PodQueued("a", 1), e.Payload);
    }

    [Fact]
    public async Task WriteMessages_ManyPersistenceIdsConcurrently_EachStreamOrderedAndComplete()
    {
        const int writers = 40;
        const int eventsEach = 25;
        var tasks = Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (var seq = 1; seq <= eventsEach; seq++)
            {
                await Journal.WriteOkAsync(JournalEvent($"pid-{w}", seq, new PodQueued($"pod-{w}", seq)));
            }
        }));
        await Task.WhenAll(tasks).WaitAsync(TimeSpan.FromSeconds(60));

        for (var w = 0; w < writers; w++)
        {
            var replayed = await Journal.ReplayAsync($"pid-{w}");
            Assert.Equal(Enumerable.Range(1, eventsEach).Select(i => (long)i), replayed.Select(e => e.SequenceNr));
            Assert.Equal(Enumerable.Range(1, eventsEach).Select(i => new PodQueued($"pod-{w}", i)), replayed.Select(e => e.Payload));
        }
    }

    [Fact]
    public async Task WriteMessages_UnawaitedCallsFromOneWriter_AppliedInCallOrder()
    {
        var calls = Enumerable.Range(1, 50).Select(i => Journal.WriteMessagesAsync([JournalEvent("p", i, new PodQueued("a", i))])).ToList();
        await Task.WhenAll(calls).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(Enumerable.Range(1, 50).Select(i => (long)i), (await Journal.ReplayAsync("p")).Select(e => e.SequenceNr));
    }
}
