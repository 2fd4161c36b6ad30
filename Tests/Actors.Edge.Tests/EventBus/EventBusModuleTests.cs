using Actors.Edge.Tests.Mqtt.Support;
using Actors.Messages.EventBus;
using Actors.Messages.Routing;
using Actors.Messages.Wire;
using static Actors.Edge.Tests.EventBus.EventBusHarness;

namespace Actors.Edge.Tests.EventBus;

/// <summary>The eventbus module against real peers: mosquitto as the external broker, mosquitto_pub/sub on ours.</summary>
public sealed class EventBusModuleTests : Actors.TestKit.TestKit
{
    private const string TwinTopic = "$hw/events/device/default/thermo-01/twin/update";
    private const string TwinPayload = "{\"event_id\":\"req-001\",\"timestamp\":1722931700000,\"twin\":{\"temperature\":{\"actual\":{\"value\":\"24.1\"}}}}";

    [Fact]
    public async Task ExternalMode_MosquittoPubOnTwinTopic_ReachesTwinGroupAsResponseEnvelope()
    {
        using var mosquitto = await MosquittoBroker.StartAsync();
        var harness = Start(this, Options("external", MqttTestKit.FreePort(), mosquitto.Port));

        await MosquittoPubAsync(mosquitto.Port, TwinTopic, TwinPayload);

        var got = ExpectEnvelope(harness.Twin, e => e.Route.Resource == EventBusTopics.EncodeResource(TwinTopic), "the twin update");
        Assert.Equal(new MessageRoute(ModuleNames.BusSource, Groups.User, Operations.Response, "JGh3L2V2ZW50cy9kZXZpY2UvZGVmYXVsdC90aGVybW8tMDEvdHdpbi91cGRhdGU="), got.Envelope.Route);
        Assert.Equal(TwinPayload, got.Envelope.Content.AsString());
    }

    [Fact]
    public async Task ExternalMode_UserAndUploadTopics_ReachHubAsUploadEnvelopes()
    {
        using var mosquitto = await MosquittoBroker.StartAsync();
        var harness = Start(this, Options("external", MqttTestKit.FreePort(), mosquitto.Port));

        await MosquittoPubAsync(mosquitto.Port, "default/user/test-1", "{\"edgemsg\":\"msgtocloud\"}");
        await MosquittoPubAsync(mosquitto.Port, "SYS/dis/upload_records", "records");
        await MosquittoPubAsync(mosquitto.Port, "$hw/events/upload/x", "up");

        foreach (var (topic, body) in new[] { ("default/user/test-1", "{\"edgemsg\":\"msgtocloud\"}"), ("SYS/dis/upload_records", "records"), ("$hw/events/upload/x", "up") })
        {
            var got = ExpectEnvelope(harness.Hub, e => e.Route.Resource == topic, topic);
            Assert.Equal(new MessageRoute(ModuleNames.BusSource, Groups.User, Operations.Upload, topic), got.Envelope.Route);
            Assert.Equal(body, got.Envelope.Content.AsString());
        }
    }

    [Fact]
    public async Task ExternalMode_PublishEnvelope_MosquittoSubReceivesIt()
    {
        using var mosquitto = await MosquittoBroker.StartAsync();
        var harness = Start(this, Options("external", MqttTestKit.FreePort(), mosquitto.Port));
        using var sub = await MosquittoSubAsync(mosquitto.Port, "$hw/events/device/default/thermo-01/twin/update/result");

        harness.SendToEventBus(EventBusTranslator.PublishRequest(ModuleNames.DeviceTwin, "$hw/events/device/default/thermo-01/twin/update/result", "{\"event_id\":\"req-001\"}", MessageHeader.New(TimeProvider.System)));

        await sub.WaitForLineAsync(l => l == "$hw/events/device/default/thermo-01/twin/update/result {\"event_id\":\"req-001\"}", "the twin result", TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task ExternalMode_SubscribeThenUnsubscribeFromCloud_TopicFlowsThenStops()
    {
        using var mosquitto = await MosquittoBroker.StartAsync();
        var harness = Start(this, Options("external", MqttTestKit.FreePort(), mosquitto.Port));

        harness.SendToEventBus(EventBusTranslator.ToEnvelope(new SubscribeTopic("rules/abc"), MessageHeader.New(TimeProvider.System)));
        // The subscription is made asynchronously: publish (each time a fresh message) until one arrives.
        await RepeatUntilAsync(mosquitto.Port, got => got.Any(r => r == "rules/abc"), "the dynamic subscription");

        harness.SendToEventBus(EventBusTranslator.ToEnvelope(new UnsubscribeTopic("rules/abc"), MessageHeader.New(TimeProvider.System)));
        // A round with the marker (always subscribed, published after rules/abc) but without rules/abc: unsubscribed.
        await RepeatUntilAsync(mosquitto.Port, got => got.Contains("z/user/marker") && !got.Contains("rules/abc"), "the unsubscription");

        async Task RepeatUntilAsync(int port, Func<IReadOnlyList<string>, bool> done, string what)
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(40);
            while (true)
            {
                await MosquittoPubAsync(port, "rules/abc", "dynamic");
                await MosquittoPubAsync(port, "z/user/marker", "marker");
                var round = new List<string>();
                while (!round.Contains("z/user/marker") && DateTime.UtcNow < deadline)
                {
                    var next = harness.Hub.ExpectMsg<Actors.Messages.Bus.BusMessage>(TimeSpan.FromSeconds(20), "hub traffic");
                    round.Add(next.Envelope.Route.Resource);
                }

                if (done(round))
                {
                    return;
                }

                Assert.True(DateTime.UtcNow < deadline, "timed out waiting for " + what);
            }
        }
    }

    [Fact]
    public async Task ExternalMode_MessageOperation_PublishesTheMessageJsonOnItsTopic()
    {
        using var mosquitto = await MosquittoBroker.StartAsync();
        var harness = Start(this, Options("external", MqttTestKit.FreePort(), mosquitto.Port));
        using var sub = await MosquittoSubAsync(mosquitto.Port, "app/out");
        var content = MessageContent.FromJson("{\"message\":{\"topic\":\"app/out\",\"data\":1}}"u8);
        var envelope = new MessageEnvelope(
            MessageHeader.New(TimeProvider.System),
            new MessageRoute(ModuleNames.RouterEventBus, Groups.User, EventBusTopics.MessageOperation, "ignored"),
            content);

        harness.SendToEventBus(envelope);

        await sub.WaitForLineAsync(l => l == "app/out {\"topic\":\"app/out\",\"data\":1}", "the message JSON", TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task InternalMode_MosquittoClientsAgainstOurBroker_BothDirectionsWork()
    {
        var port = MqttTestKit.FreePort();
        var harness = Start(this, Options("internal", port, MqttTestKit.FreePort()));
        using var sub = await MosquittoSubAsync(port, "$hw/events/node/n1/membership/get/result");

        await MosquittoPubAsync(port, "$hw/events/node/n1/membership/get", "{\"event_id\":\"m-1\"}");
        var got = ExpectEnvelope(harness.Twin, e => e.Route.Resource == "JGh3L2V2ZW50cy9ub2RlL24xL21lbWJlcnNoaXAvZ2V0", "membership get");
        Assert.Equal("{\"event_id\":\"m-1\"}", got.Envelope.Content.AsString());

        harness.SendToEventBus(EventBusTranslator.PublishRequest(ModuleNames.DeviceTwin, "$hw/events/node/n1/membership/get/result", "{\"devices\":[]}", MessageHeader.New(TimeProvider.System)));
        await sub.WaitForLineAsync(l => l == "$hw/events/node/n1/membership/get/result {\"devices\":[]}", "the membership result", TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task BothMode_MessagesFromEitherBroker_ArriveAndPublishesGoToBoth()
    {
        using var mosquitto = await MosquittoBroker.StartAsync();
        var internalPort = MqttTestKit.FreePort();
        var harness = Start(this, Options("both", internalPort, mosquitto.Port));
        using var externalSub = await MosquittoSubAsync(mosquitto.Port, "both/out");
        using var internalSub = await MosquittoSubAsync(internalPort, "both/out");

        await MosquittoPubAsync(mosquitto.Port, "a/user/from-external", "ext");
        await MosquittoPubAsync(internalPort, "a/user/from-internal", "int");
        var got = harness.Hub.ReceiveN(2, TimeSpan.FromSeconds(20)).Cast<Actors.Messages.Bus.BusMessage>()
            .Select(b => b.Envelope.Route.Resource + " " + b.Envelope.Content.AsString()).Order(StringComparer.Ordinal);
        Assert.Equal(["a/user/from-external ext", "a/user/from-internal int"], got);

        harness.SendToEventBus(EventBusTranslator.PublishRequest(ModuleNames.DeviceTwin, "both/out", "x", MessageHeader.New(TimeProvider.System)));
        await externalSub.WaitForLineAsync(l => l == "both/out x", "mosquitto's copy", TimeSpan.FromSeconds(20));
        await internalSub.WaitForLineAsync(l => l == "both/out x", "our broker's copy", TimeSpan.FromSeconds(20));
    }
}
