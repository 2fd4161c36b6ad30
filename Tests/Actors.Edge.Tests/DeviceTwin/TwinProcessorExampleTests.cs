using Actors.Edge.Modules.DeviceTwin.Twin;

namespace Actors.Edge.Tests.DeviceTwin;

/// <summary>The twin payloads of kubeedge-examples/10-mqtt-twin.md reproduced by the pure twin logic.</summary>
public sealed class TwinProcessorExampleTests
{
    private const long Now = 1722931700010;
    private int _ids;

    [TwinExamplesFact]
    public void Update_ExampleRequestOnNewTwins_ResultAndDeltaMatchExample()
    {
        var request = TwinJson.Example("App -> edge : $hw/events/device/default/thermo-01/twin/update");
        var replies = TwinProcessor.HandleUpdate("default/thermo-01", new Dictionary<string, MsgTwin>(), TwinJson.Bytes(request), DealType.Rest, Now, NextId);

        var result = TwinJson.Example("twin/update/result   (success)").Replace("1722931700012", "1722931700010", StringComparison.Ordinal);
        TwinJson.Equal(result, replies.Result);
        var delta = TwinJson.Example("twin/update/delta")
            .Replace("<fresh uuid>", "id-1", StringComparison.Ordinal).Replace("1722931700011", "1722931700010", StringComparison.Ordinal);
        TwinJson.Equal(delta, replies.Delta);
        Assert.Equal(["setpoint", "temperature"], replies.Outcome!.Added);
    }

    [TwinExamplesFact]
    public void Update_ReportedValueOnExistingTwin_DocumentMatchesExample()
    {
        var current = new Dictionary<string, MsgTwin>
        {
            ["temperature"] = new(Actual: new TwinValue("23.5", new ValueMetadata(1722931399990)), Optional: true, Metadata: new TypeMetadata("string"), ActualVersion: new TwinVersion(0, 3)),
        };
        var request = """{"event_id":"req-001","timestamp":1722931700000,"twin":{"temperature":{"actual":{"value":"24.1"},"metadata":{"type":"string"}}}}""";

        var replies = TwinProcessor.HandleUpdate("default/thermo-01", current, TwinJson.Bytes(request), DealType.Rest, Now, NextId);

        TwinJson.Equal(TwinJson.Example("twin/update/document"), replies.Document);
        Assert.Null(replies.Delta);
        TwinJson.Equal(
            """{"event_id":"id-2","timestamp":1722931700010,"twin":{"temperature":{"actual":{"value":"24.1","metadata":{"timestamp":1722931700010}},"optional":true,"metadata":{"type":"string"},"actual_version":{"cloud":0,"edge":4}}}}""",
            replies.Cloud);
        Assert.Equal(["temperature"], replies.Outcome!.Updated);
    }

    [TwinExamplesFact]
    public void Get_KnownDevice_ResultMatchesExample()
    {
        var current = new Dictionary<string, MsgTwin>
        {
            ["setpoint"] = new(Expected: new TwinValue("22", new ValueMetadata(Now)), Optional: false, Metadata: new TypeMetadata("int"), ExpectedVersion: new TwinVersion(0, 1)),
            ["temperature"] = new(Actual: new TwinValue("24.1", new ValueMetadata(Now)), Optional: true, Metadata: new TypeMetadata("string"), ActualVersion: new TwinVersion(0, 1)),
        };
        var reply = TwinProcessor.HandleGet("default/thermo-01", current, TwinJson.Bytes("""{"event_id":"get-7","timestamp":1722931800000}"""), 1722931800003);
        TwinJson.Equal(TwinJson.Example("twin/get/result"), reply);
    }

    [TwinExamplesFact]
    public void Get_UnknownDevice_ErrorMatchesExample()
    {
        var reply = TwinProcessor.HandleGet("default/thermo-01", null, TwinJson.Bytes("""{"event_id":"get-7","timestamp":1722931800000}"""), 1722931800003);
        var line = TwinJson.Line("(device unknown)");
        var body = line[line.IndexOf('{', StringComparison.Ordinal)..].Replace("\"timestamp\":...", "\"timestamp\":1722931800003", StringComparison.Ordinal);
        TwinJson.Equal(body, reply);
    }

    [TwinExamplesFact]
    public void Update_ValueNotMatchingType_FailureBodyMatchesExample()
    {
        var request = """{"event_id":"req-001","timestamp":1722931700000,"twin":{"setpoint":{"expected":{"value":"warm"},"metadata":{"type":"int"}}}}""";
        var replies = TwinProcessor.HandleUpdate("default/thermo-01", new Dictionary<string, MsgTwin>(), TwinJson.Bytes(request), DealType.Rest, 1722931700012, NextId);
        TwinJson.Equal(TwinJson.Example("twin/update/result   (failure)"), replies.Result);
        Assert.False(replies.Outcome!.HasChanges);
        Assert.Null(replies.Document);
        Assert.Null(replies.Cloud);
    }

    private string NextId() => "id-" + ++_ids;
}
