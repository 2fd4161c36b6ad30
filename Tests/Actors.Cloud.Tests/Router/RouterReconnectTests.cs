using Actors.Messages.Bus;
using Actors.Messages.CloudHub;
using Actors.Messages.Routing;
using Actors.Messages.Wire;

namespace Actors.Cloud.Tests.Router;

/// <summary>Subscriptions are fire-and-forget: the router tells a node again what it must know when it connects.</summary>
public sealed class RouterReconnectTests : RouterTestBase
{
    [Fact]
    public void NodeConnects_RulesWithItsSources_SubscriptionsAndTargetUrlsSentAgain()
    {
        Start();
        Rules(
            RouterFixtures.BusToRest("bus-to-rest", "edge-1", "temp", "http://127.0.0.1:1/ingest"),
            RouterFixtures.ServiceToRest("svc-to-rest", "edge-1", "http://127.0.0.1:1/api"),
            RouterFixtures.BusToRest("other-node", "edge-2", "hum", "http://127.0.0.1:1/ingest"));
        ReceiveFromRouter(3);

        Bus.Send(ModuleNames.Router, new BusMessage(CloudHubTranslator.ToEnvelope(new NodeConnected("edge-1", DateTimeOffset.UtcNow), MessageHeader.New(TimeProvider.System))));

        var again = ReceiveFromRouter(2).Select(e => (e.Route.Operation, e.Route.Resource)).OrderBy(r => r.Operation, StringComparer.Ordinal).ToList();
        Assert.Equal([(Operations.Start, "node/edge-1/http://127.0.0.1:1/api"), (Operations.Subscribe, "node/edge-1/default/temp")], again);
        CloudHub.ExpectNoMsg(TimeSpan.FromMilliseconds(300));

        Bus.Send(ModuleNames.Router, new BusMessage(CloudHubTranslator.ToEnvelope(new NodeDisconnected("edge-1", DateTimeOffset.UtcNow), MessageHeader.New(TimeProvider.System))));
        CloudHub.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
    }

    private List<MessageEnvelope> ReceiveFromRouter(int count) => [.. Enumerable.Range(0, count).Select(_ => ExpectToNode())];
}
