using System.Text.Json;
using Actors.Cloud.Kubernetes.Client;
using Actors.Cloud.Kubernetes.Models;
using Actors.Cloud.Modules.DeviceController;
using Actors.Cloud.Tests.EdgeController;
using Actors.Messages.Bus;
using Actors.Messages.DeviceTwin;
using Actors.Messages.Routing;
using Actors.Messages.Wire;

namespace Actors.Cloud.Tests.DeviceController;

public sealed class DeviceControllerTests : Actors.TestKit.TestKit
{
    private static DeviceModel Model(string name) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = "default" },
        Spec = new DeviceModelSpec { Protocol = "modbus", Properties = [new ModelProperty { Name = "temperature", Type = "INT", AccessMode = "ReadWrite" }] },
    };

    private static Device Device(string name, string node, string model, string desired) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = "default", Labels = new Dictionary<string, string> { ["description"] = "lab sensor" } },
        Spec = new DeviceSpec
        {
            NodeName = node,
            DeviceModelRef = new LocalObjectReference { Name = model },
            Properties =
            [
                new DeviceProperty { Name = "temperature", Desired = new TwinProperty { Value = desired, Metadata = new Dictionary<string, string> { ["type"] = "int" } } },
            ],
        },
    };

    private static JsonElement Content(MessageEnvelope e) => e.Content.ToElement();

    [Fact]
    public async Task Device_AddedUpdatedDeleted_MembershipObjectsAndDesiredTwinsGoToItsNode()
    {
        await using var h = await ControllerHarness.StartAsync();
        await h.Client.Resource(KnownResources.DeviceModels).CreateAsync("default", Model("thermo-model"));
        var hub = CreateTestProbe();
        h.StartBus(Sys, new DeviceControllerModule(enabled: true, h.Source), hub.Ref);
        var devices = h.Client.Resource(KnownResources.Devices);
        var created = await devices.CreateAsync("default", Device("thermo-01", "edge-a", "thermo-model", "22"));

        var membership = ControllerHarness.Next(hub);
        Assert.Equal(new MessageRoute(ModuleNames.DeviceController, Groups.Twin, Operations.Update, "node/edge-a/membership"), membership.Route);
        var added = Content(membership).GetProperty("added_devices")[0];
        Assert.Equal(("default/thermo-01", "thermo-01", "lab sensor"), (added.GetProperty("id").GetString(), added.GetProperty("name").GetString(), added.GetProperty("description").GetString()));
        var model = ControllerHarness.Next(hub);
        Assert.Equal((Operations.Insert, "node/edge-a/default/devicemodel/thermo-model"), (model.Route.Operation, model.Route.Resource));
        var device = ControllerHarness.Next(hub);
        Assert.Equal((Operations.Insert, "node/edge-a/default/device/thermo-01"), (device.Route.Operation, device.Route.Resource));
        Assert.Equal(created.Metadata.ResourceVersion, device.Header.ResourceVersion);
        var twin = ControllerHarness.Next(hub);
        Assert.Equal("node/edge-a/device/default/thermo-01/twin/cloud_updated", twin.Route.Resource);
        Assert.Equal("22", Content(twin).GetProperty("twin").GetProperty("temperature").GetProperty("expected").GetProperty("value").GetString());

        var current = await devices.GetAsync("default", "thermo-01");
        current.Spec!.Properties![0].Desired!.Value = "25";
        await devices.UpdateAsync(current);
        Assert.Equal((Operations.Update, "node/edge-a/default/device/thermo-01"), Route(ControllerHarness.Next(hub)));
        var desired = ControllerHarness.Next(hub);
        Assert.Equal("25", Content(desired).GetProperty("twin").GetProperty("temperature").GetProperty("expected").GetProperty("value").GetString());

        await devices.DeleteAsync("default", "thermo-01");
        var removed = ControllerHarness.Next(hub);
        Assert.Equal("default/thermo-01", Content(removed).GetProperty("removed_devices")[0].GetProperty("id").GetString());
        Assert.Equal((Operations.Delete, "node/edge-a/default/device/thermo-01"), Route(ControllerHarness.Next(hub)));
        Assert.Equal((Operations.Delete, "node/edge-a/default/devicemodel/thermo-model"), Route(ControllerHarness.Next(hub)));
    }

    [Fact]
    public async Task NodeConnects_DeviceCreatedWhileOffline_MembershipAndDesiredSentAgain()
    {
        await using var h = await ControllerHarness.StartAsync();
        await h.Client.Resource(KnownResources.DeviceModels).CreateAsync("default", Model("thermo-model"));
        var hub = CreateTestProbe();
        h.StartBus(Sys, new DeviceControllerModule(enabled: true, h.Source), hub.Ref);
        await h.Client.Resource(KnownResources.Devices).CreateAsync("default", Device("thermo-01", "edge-a", "thermo-model", "22"));
        for (var i = 0; i < 4; i++)
        {
            ControllerHarness.Next(hub);
        }

        h.Bus.SendToGroup(Groups.DeviceController, new BusMessage(Actors.Messages.CloudHub.CloudHubTranslator.ToEnvelope(
            new Actors.Messages.CloudHub.NodeConnected("edge-a", DateTimeOffset.UtcNow), MessageHeader.New(TimeProvider.System))));

        var membership = ControllerHarness.Next(hub);
        Assert.Equal("node/edge-a/membership", membership.Route.Resource);
        Assert.Equal("default/thermo-01", Content(membership).GetProperty("added_devices")[0].GetProperty("id").GetString());
        var twin = ControllerHarness.Next(hub);
        Assert.Equal("node/edge-a/device/default/thermo-01/twin/cloud_updated", twin.Route.Resource);
        Assert.Equal("22", Content(twin).GetProperty("twin").GetProperty("temperature").GetProperty("expected").GetProperty("value").GetString());
    }

    [Fact]
    public async Task TwinAndStateReported_FromEdge_DeviceStatusPatchedAndConfirmed()
    {
        await using var h = await ControllerHarness.StartAsync();
        await h.Client.Resource(KnownResources.DeviceModels).CreateAsync("default", Model("thermo-model"));
        var devices = h.Client.Resource(KnownResources.Devices);
        await devices.CreateAsync("default", Device("thermo-01", "edge-a", "thermo-model", "22"));
        var hub = CreateTestProbe();
        h.StartBus(Sys, new DeviceControllerModule(enabled: true, h.Source), hub.Ref);

        var report = """{"temperature":{"actual":{"value":"23.5","metadata":{"timestamp":1722931399990}},"expected":{"value":"22"},"optional":true,"metadata":{"type":"int"},"actual_version":{"cloud":0,"edge":3}},"unknown":{"actual":{"value":"1"}}}""";
        var edge = TwinTranslator.ToEnvelope(
            new TwinEdgeUpdated("default/thermo-01", "ev-1", 1722931400000, MessageContent.FromJson(System.Text.Encoding.UTF8.GetBytes(report))),
            new MessageHeader("twin-1", Timestamp: 1722931400000));
        h.Bus.Send(ModuleNames.DeviceController, new BusMessage(edge with { Route = edge.Route.WithResource(ResourcePaths.PrefixForCloud("edge-a", edge.Route.Resource)) }));

        var ok = ControllerHarness.Next(hub, e => e.Header.ParentMsgId == "twin-1", "twin confirmation");
        Assert.Equal(new MessageRoute(ModuleNames.DeviceController, Groups.Twin, Operations.Response, "node/edge-a/twin"), ok.Route);
        Assert.Equal(WellKnownContent.Ok, ok.Content.AsString());
        var stored = await devices.GetAsync("default", "thermo-01");
        var twin = Assert.Single(stored.Status!.Twins!);
        Assert.Equal(("temperature", "23.5", "22"), (twin.PropertyName, twin.Reported!.Value, twin.ObservedDesired!.Value));
        Assert.Equal("1722931399990", twin.Reported.Metadata!["timestamp"]);
        Assert.Equal("int", twin.Reported.Metadata["type"]);

        var state = TwinTranslator.ToEnvelope(
            new DeviceStateUpdated("default/thermo-01", "ev-2", 1722931500000, "thermo-01", "online", "2024-08-06T08:05:00Z"),
            new MessageHeader("state-1", Timestamp: 1722931500000));
        h.Bus.Send(ModuleNames.DeviceController, new BusMessage(state with { Route = state.Route.WithResource(ResourcePaths.PrefixForCloud("edge-a", state.Route.Resource)) }));
        ControllerHarness.Next(hub, e => e.Header.ParentMsgId == "state-1", "state confirmation");
        var after = await devices.GetAsync("default", "thermo-01");
        Assert.Equal(("online", "2024-08-06T08:05:00Z"), (after.Status!.State, after.Status.LastOnlineTime));
        Assert.Equal("23.5", after.Status.Twins![0].Reported!.Value);
    }

    private static (string, string) Route(MessageEnvelope e) => (e.Route.Operation, e.Route.Resource);
}
