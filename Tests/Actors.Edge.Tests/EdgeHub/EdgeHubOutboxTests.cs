using Actors.Edge.Tests.EdgeHub.Support;
using Actors.Kernel.Actor;
using Actors.Messages.Bus;
using Actors.Messages.Routing;
using Actors.Messages.Wire;
using Xunit.Abstractions;

namespace Actors.Edge.Tests.EdgeHub;

/// <summary>The durable outbox: messages produced while the cloud is unreachable survive restarts and arrive in order.</summary>
public sealed class EdgeHubOutboxTests(ITestOutputHelper output) : EdgeHubTestBase(output)
{
    [Fact]
    public async Task Outbox_ModuleRestartsWhileDisconnected_MessagesDeliveredInOrderAfterConnect()
    {
        Stub.Accepting = false;
        var bus = StartEdge(Settings());
        var sent = Produce(bus, "a", 3);
        AwaitCondition(() => OutboxCount() == 3, Io, message: "three messages stored");

        var module = await ActorSelection("/user/modules/websocket/websocket").ResolveOne(Io);
        Watch(module);
        module.Tell(Kill.Instance, ActorRefs.NoSender);
        ExpectTerminated(module, Io);
        sent.AddRange(Produce(bus, "b", 2)); // buffered by the module supervisor until the new incarnation runs
        AdvanceUntil(() => OutboxCount() == 5, "the restarted module stores the later messages");

        Stub.Accepting = true;
        var connection = AwaitConnection();

        await ExpectInOrder(connection, sent);
        AwaitCondition(() => OutboxCount() == 0, Io, message: "delivered messages leave the outbox");
    }

    [Fact]
    public async Task Outbox_NewActorSystemOnSameFile_MessagesFromThePreviousRunDeliveredInOrder()
    {
        Stub.Accepting = false;
        List<MessageEnvelope> sent;
        var first = ActorSystem.Create("first", ActorSystemSettings.Default with { TimeProvider = Clock });
        sent = Produce(StartEdge(Settings(), first), "old", 4);
        AwaitCondition(() => OutboxCount() == 4, Io, message: "four messages stored");
        await first.Terminate().WaitAsync(Io);

        Stub.Accepting = true;
        var bus = StartEdge(Settings());
        var connection = AwaitConnection();
        var fresh = Produce(bus, "new", 1);

        await ExpectInOrder(connection, [.. sent, .. fresh]);
        AwaitCondition(() => OutboxCount() == 0, Io, message: "delivered messages leave the outbox");
    }

    [Fact]
    public async Task Outbox_LinkDropsWithMessagesPending_ResentAfterReconnect()
    {
        var bus = StartEdge(Settings());
        var first = await Stub.NextConnectionAsync(Io);
        ExpectLink(Meta, WellKnownContent.CloudConnected);
        first.Abort();
        ExpectLink(Meta, WellKnownContent.CloudDisconnected);

        var sent = Produce(bus, "offline", 3);
        AwaitCondition(() => OutboxCount() == 3, Io, message: "messages kept while offline");
        var second = AwaitConnection();

        await ExpectInOrder(second, sent);
    }

    [Fact]
    public async Task RateLimit_BurstUsedUp_RestWaitsForTokensWhileAcksPass()
    {
        Stub.Accepting = false;
        var bus = StartEdge(Settings() with { MessageQps = 1, MessageBurst = 2 });
        var sent = Produce(bus, "limited", 4);
        AwaitCondition(() => OutboxCount() == 4, Io, message: "four messages stored");
        Stub.Accepting = true;
        var connection = AwaitConnection();
        await ExpectInOrder(connection, sent[..2]);

        var pod = Envelope(ModuleNames.DeviceController, Groups.Twin, Operations.Update, "device/p/twin", "{}");
        await connection.SendAsync(pod);
        var next = await connection.ExpectAsync(_ => true, Io);
        Assert.Equal(pod.Header.MsgId, next.Header.ParentMsgId); // the ACK is not rate limited; the 3rd message waits

        Clock.Advance(TimeSpan.FromSeconds(1));
        await ExpectInOrder(connection, sent[2..3]);
        Clock.Advance(TimeSpan.FromSeconds(1));
        await ExpectInOrder(connection, sent[3..]);
    }

    private static List<MessageEnvelope> Produce(Actors.Kernel.Modules.ModuleBus bus, string prefix, int count)
    {
        var sent = new List<MessageEnvelope>();
        for (var i = 0; i < count; i++)
        {
            var e = Envelope(ModuleNames.EdgeD, Groups.Meta, Operations.Patch, $"default/podpatch/{prefix}-{i}", "[]");
            bus.Send(ModuleNames.EdgeHub, new BusMessage(e));
            sent.Add(e);
        }

        return sent;
    }

    private static async Task ExpectInOrder(StubConnection connection, List<MessageEnvelope> sent)
    {
        var ids = sent.Select(s => s.Header.MsgId).ToHashSet();
        var received = new List<string>();
        while (received.Count < sent.Count)
        {
            var e = await connection.ExpectAsync(m => ids.Contains(m.Header.MsgId), Io);
            received.Add(e.Header.MsgId);
        }

        Assert.Equal(sent.Select(s => s.Header.MsgId), received);
    }
}
