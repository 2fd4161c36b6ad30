using Actors.Edge.Modules.MetaManager.Storage;
using Actors.Messages.Routing;
using Actors.Messages.Wire;
using Microsoft.Extensions.Logging.Abstractions;

namespace Actors.Edge.Tests.MetaManager.Module;

/// <summary>
/// Group commit of cloud messages: the messages that queued behind a write are committed together, and none is ACKed
/// or forwarded before its commit; a failed group is retried message by message.
/// </summary>
public sealed class CloudBatchTests : MetaManagerTestBase
{
    private GatedStore _store = null!;

    [Fact]
    public async Task Inserts_QueuedBehindAWrite_OneGroupCommitThenEachAckedAndForwarded()
    {
        var queued = await QueueBehindBlockedWriteAsync(40);

        Hub.ExpectNoMsg(TimeSpan.FromMilliseconds(300)); // the first write has not committed: nothing is ACKed
        _store.Open();

        foreach (var m in queued)
        {
            Assert.Equal(WellKnownContent.Ok, ExpectAnswerToCloud(m).Content.AsString());
        }

        Assert.Contains(40, _store.GroupSizes);
        var forwarded = Enumerable.Range(0, 41).Select(_ => Edged.ExpectMsg<Seen>(Long).Envelope.Header.MsgId).ToHashSet();
        Assert.True(queued.All(m => forwarded.Contains(m.Header.MsgId)));
        Assert.Equal(41, (await Within(Client.ListAsync("default", ResourceTypes.ConfigMap))).Count);
    }

    [Fact]
    public async Task Group_WithMalformedMessage_OnlyThatOneRejected()
    {
        var queued = await QueueBehindBlockedWriteAsync(5);
        var bad = Cloud(Operations.Insert, "default/configmap/bad", "\"not an object\"");
        FromCloud(bad);
        var after = Cloud(Operations.Insert, "default/configmap/after", """{"metadata":{"name":"after"},"data":{}}""");
        FromCloud(after);

        _store.Open();

        // Answers may arrive in any order: collect one per message, then check each.
        var expected = queued.Append(after).Append(bad).Select(m => m.Header.MsgId).ToHashSet();
        var answers = new Dictionary<string, MessageEnvelope>();
        while (answers.Count < expected.Count)
        {
            var answer = Hub.FishForMessage<Seen>(s => expected.Contains(s.Envelope.Header.ParentMsgId), Long).Envelope;
            answers.TryAdd(answer.Header.ParentMsgId, answer);
        }

        Assert.Equal(Operations.Error, answers[bad.Header.MsgId].Route.Operation);
        Assert.All(queued.Append(after), m => Assert.Equal(WellKnownContent.Ok, answers[m.Header.MsgId].Content.AsString()));
    }

    [Fact]
    public async Task Group_CommitFails_RetriedOneByOneAndAllAckedAfterTheirWrite()
    {
        var queued = await QueueBehindBlockedWriteAsync(6);
        _store.FailNextGroups = 1;

        _store.Open();

        foreach (var m in queued)
        {
            Assert.Equal(WellKnownContent.Ok, ExpectAnswerToCloud(m).Content.AsString());
        }

        Assert.Contains(6, _store.GroupSizes);
        Assert.Equal(7, (await Within(Client.ListAsync("default", ResourceTypes.ConfigMap))).Count);
    }

    /// <summary>One insert whose write blocks at the gate, then <paramref name="count"/> more that queue behind it.</summary>
    private async Task<List<MessageEnvelope>> QueueBehindBlockedWriteAsync(int count)
    {
        Start((log, time) => _store = new GatedStore(new SqliteMetaStore(DatabasePath, new MetaStoreOptions(), NullLogger<SqliteMetaStore>.Instance, time)));
        await AwaitConditionAsync(() => Task.FromResult(Volatile.Read(ref _store) is not null), Long);
        _store.Close();
        FromCloud(Cloud(Operations.Insert, "default/configmap/first", """{"metadata":{"name":"first"},"data":{}}"""));
        await _store.Waiting.Task.WaitAsync(Long);
        var queued = Enumerable.Range(0, count)
            .Select(i => Cloud(Operations.Insert, $"default/configmap/c{i}", $$$"""{"metadata":{"name":"c{{{i}}}"},"data":{"i":"{{{i}}}"}}"""))
            .ToList();
        queued.ForEach(FromCloud);
        return queued;
    }
}
