using Actors.Messages.DeviceTwin;
using Actors.Messages.EdgeD;
using Actors.Messages.EventBus;
using Actors.Messages.MetaManager;
using Actors.Messages.Routing;
using Actors.Messages.Tests.Support;
using Actors.Messages.Wire;

namespace Actors.Messages.Tests.Translators;

public sealed class ModuleTranslatorTests
{
    [ExamplesFact]
    public void Meta_Example01_ObjectChangedAndBack()
    {
        var example = Examples.Load("01-cloud-to-edge-pod-insert.json");

        var parsed = Assert.IsType<ObjectChanged>(MetaTranslator.TryParse(example, out _));

        Assert.Equal(ObjectChangeKind.Insert, parsed.Change);
        Assert.Equal(new EdgeResource("default", "pod", "nginx-7d9c"), parsed.Resource);
        Assert.Equal("48213", parsed.ResourceVersion);
        Assert.Equal(example, MetaTranslator.ToEnvelope(parsed, example.Header with { MsgId = "ignored" }));
    }

    [ExamplesFact]
    public void Meta_Examples04And05_QueryAndResponse()
    {
        var query = Examples.Load("04-edge-query-configmap.json");
        var response = Examples.Load("05-cloud-query-response.json");

        var request = Assert.IsType<ObjectQueryRequest>(MetaTranslator.TryParse(query, out _));
        var answer = Assert.IsType<ObjectQueryResponse>(MetaTranslator.TryParse(response, out _));

        Assert.Equal(query, MetaTranslator.ToEnvelope(request, query.Header));
        Assert.Equal(query.Header.MsgId, answer.QueryMsgId);
        Assert.Equal("1201", answer.ResourceVersion);
        Assert.Equal(response, MetaTranslator.ToEnvelope(answer, response.Header with { ParentMsgId = "", ResourceVersion = "" }));
    }

    [Fact]
    public void Meta_BadResourceOrOperation_NullWithReason()
    {
        var bad = new MessageEnvelope(Examples.Header(), new MessageRoute("x", "resource", "insert", "pod"), MessageContent.Null);
        var odd = new MessageEnvelope(Examples.Header(), new MessageRoute("x", "resource", "frobnicate", "a/pod/b"), MessageContent.Null);

        Assert.Null(MetaTranslator.TryParse(bad, out var reason1));
        Assert.Contains("pod", reason1, StringComparison.Ordinal);
        Assert.Null(MetaTranslator.TryParse(odd, out var reason2));
        Assert.Contains("frobnicate", reason2, StringComparison.Ordinal);
    }

    [ExamplesFact]
    public void Twin_Example09_MembershipAndBack()
    {
        var example = Examples.Load("09-cloud-membership-update.json");

        var parsed = Assert.IsType<MembershipUpdated>(TwinTranslator.TryParse(example, out _));

        Assert.Equal("5c7e...", parsed.EventId);
        Assert.Equal(new MembershipDevice("default/thermo-01", "thermo-01", "lab sensor"), Assert.Single(parsed.Added));
        Assert.Empty(parsed.Removed);
        Assert.Equal(example, TwinTranslator.ToEnvelope(parsed, example.Header));
    }

    [ExamplesFact]
    public void Twin_Example07_EdgeUpdatedAndBack()
    {
        var example = Examples.Load("07-edge-twin-edge-updated-to-cloud.json");

        var parsed = Assert.IsType<TwinEdgeUpdated>(TwinTranslator.TryParse(example, out _));

        Assert.Equal("default/thermo-01", parsed.DeviceId);
        Assert.Equal(1722931400000, parsed.Timestamp);
        Assert.Equal(ContentKind.Object, parsed.Twin.Kind);
        Assert.Equal(example, TwinTranslator.ToEnvelope(parsed, example.Header));
    }

    [ExamplesFact]
    public void Twin_Example08_StateAsJsonStringAndBack()
    {
        var example = Examples.Load("08-edge-device-state-to-cloud.json");

        var parsed = Assert.IsType<DeviceStateUpdated>(TwinTranslator.TryParse(example, out _));

        Assert.Equal(new DeviceStateUpdated("default/thermo-01", "e3c1...", 1722931500000, "thermo-01", "online", "2024-08-06T08:05:00Z"), parsed);
        var back = TwinTranslator.ToEnvelope(parsed, example.Header);
        Assert.Equal(ContentKind.String, back.Content.Kind);
        Assert.Equal(example.Route, back.Route);
        Assert.Equal(parsed, TwinTranslator.TryParse(back, out _));
    }

    [Fact]
    public void Twin_MembershipDetail_RoundTrip()
    {
        var request = new MembershipDetailRequest("ev", 123);

        var envelope = TwinTranslator.ToEnvelope(request, Examples.Header());

        Assert.Equal(new MessageRoute("twin", "resource", "get", "membership/detail"), envelope.Route);
        Assert.Equal(request, TwinTranslator.TryParse(envelope, out _));
    }

    [Fact]
    public void Twin_MalformedContent_NullWithReason()
    {
        var envelope = new MessageEnvelope(Examples.Header(), new MessageRoute("twin", "resource", "update", "device/ns/d/state/update"),
            MessageContent.FromString("{not json"));

        Assert.Null(TwinTranslator.TryParse(envelope, out var reason));
        Assert.Contains("bad content", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void EventBus_AllMessages_RoundTrip()
    {
        IEventBusMessage[] messages =
        [
            new PublishFromCloud("a/b", "hello"), new SubscribeTopic("t/#"), new UnsubscribeTopic("t/#"), new UploadToCloud("x/y", "{\"v\":1}"),
        ];

        foreach (var message in messages)
        {
            var envelope = message switch
            {
                PublishFromCloud m => EventBusTranslator.ToEnvelope(m, Examples.Header()),
                SubscribeTopic m => EventBusTranslator.ToEnvelope(m, Examples.Header()),
                UnsubscribeTopic m => EventBusTranslator.ToEnvelope(m, Examples.Header()),
                UploadToCloud m => EventBusTranslator.ToEnvelope(m, Examples.Header()),
                _ => throw new InvalidOperationException(),
            };
            Assert.Equal(Groups.User, envelope.Route.Group);
            Assert.Equal(message, EventBusTranslator.TryParse(envelope, out _));
        }
    }

    [Fact]
    public void EdgeD_PodChanges_Parsed()
    {
        var insert = new MessageEnvelope(new MessageHeader("m", ResourceVersion: "7"), new MessageRoute("edgecontroller", "resource", "insert", "default/pod/p"),
            MessageContent.FromJson("""{"kind":"Pod"}"""u8));
        var delete = insert with { Route = insert.Route with { Operation = "delete" } };

        Assert.Equal(new PodUpserted("default", "p", "7", insert.Content), EdgeDTranslator.TryParse(insert, out _));
        Assert.Equal(new PodDeleted("default", "p", insert.Content), EdgeDTranslator.TryParse(delete, out _));
        Assert.Null(EdgeDTranslator.TryParse(insert with { Route = insert.Route with { Resource = "default/configmap/c" } }, out _));
    }

    [Fact]
    public void EdgeD_Outgoing_ResourcesAsCatalogue()
    {
        var patch = MessageContent.FromString("[]");

        Assert.Equal(new MessageRoute("edged", "meta", "patch", "null/nodepatch/e1"), EdgeDTranslator.ToEnvelope(new NodeStatusPatch("e1", patch), Examples.Header()).Route);
        Assert.Equal(new MessageRoute("edged", "meta", "patch", "default/podpatch/p"), EdgeDTranslator.ToEnvelope(new PodStatusPatch("default", "p", patch), Examples.Header()).Route);
        Assert.Equal(new MessageRoute("edged", "meta", "update", "kube-node-lease/lease/e1"), EdgeDTranslator.ToEnvelope(new LeaseUpdate("e1", patch), Examples.Header()).Route);
        Assert.Equal(new MessageRoute("edged", "meta", "insert", "null/node/e1"), EdgeDTranslator.ToEnvelope(new NodeRegister("e1", patch), Examples.Header()).Route);
    }
}
