using Actors.Edge.Modules.DeviceTwin.Storage.Models;
using Actors.Edge.Modules.DeviceTwin.Twin;

namespace Actors.Edge.Tests.DeviceTwin;

/// <summary>Malformed payloads and unknown devices produce KubeEdge's error bodies; no exception escapes.</summary>
public sealed class TwinProcessorErrorTests
{
    private static readonly Dictionary<string, MsgTwin> NoTwins = [];

    [Theory]
    [InlineData("{", TwinRequestParser.UnmarshalError)]
    [InlineData("", TwinRequestParser.UnmarshalError)]
    [InlineData("[1,2]", TwinRequestParser.UnmarshalError)]
    [InlineData("""{"event_id":"a","timestamp":"soon","twin":{}}""", TwinRequestParser.UnmarshalError)]
    [InlineData("""{"event_id":"a","twin":{"t":{"actual":{"value":5}}}}""", TwinRequestParser.UnmarshalError)]
    [InlineData("""{"event_id":"a","timestamp":1}""", TwinRequestParser.MissingTwinError)]
    [InlineData("""{"event_id":"a","twin":{"bad key":{"actual":{"value":"1"}}}}""", TwinValidation.KeyError)]
    [InlineData("""{"event_id":"a","twin":{"t":{"actual":{"value":"two words"}}}}""", TwinValidation.ValueError)]
    public void HandleUpdate_MalformedPayload_400WithEmptyEventId(string payload, string reason)
    {
        var replies = TwinProcessor.HandleUpdate("default/d", NoTwins, TwinJson.Bytes(payload), DealType.Rest, 5, () => "id");
        TwinJson.Equal("""{"event_id":"","timestamp":5,"code":400,"reason":""" + "\"" + reason + "\"}", replies.Result);
        Assert.Null(replies.Outcome);
        Assert.Null(replies.Cloud);
    }

    [Fact]
    public void HandleUpdate_KeyLongerThan128_Rejected()
    {
        var payload = "{\"twin\":{\"" + new string('k', 129) + "\":{\"actual\":{\"value\":\"1\"}}}}";
        var replies = TwinProcessor.HandleUpdate("default/d", NoTwins, TwinJson.Bytes(payload), DealType.Rest, 5, () => "id");
        Assert.Contains(TwinValidation.KeyError, replies.Result, StringComparison.Ordinal);
    }

    [Fact]
    public void HandleUpdate_UnknownDevice_404WithRequestEventId()
    {
        var replies = TwinProcessor.HandleUpdate("default/ghost", null, TwinJson.Bytes("""{"event_id":"req-9","timestamp":1,"twin":{}}"""), DealType.Rest, 5, () => "id");
        TwinJson.Equal("""{"event_id":"req-9","timestamp":5,"code":404,"reason":"Update rejected due to the device is not existed"}""", replies.Result);
        Assert.Null(replies.Outcome);
    }

    [Fact]
    public void HandleUpdate_SyncErrors_NothingPublishedToApps()
    {
        var replies = TwinProcessor.HandleUpdate("default/d", null, TwinJson.Bytes("{"), DealType.Sync, 5, () => "id");
        Assert.Equal(new TwinUpdateReplies(null, null, null, null, null), replies);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("""{"event_id":7}""")]
    public void HandleGet_MalformedPayload_400(string payload)
    {
        var reply = TwinProcessor.HandleGet("default/d", NoTwins, TwinJson.Bytes(payload), 5);
        Assert.StartsWith("""{"event_id":"","timestamp":5,"code":400,"reason":"Unmarshal twin info """ + payload.Replace("\"", "\\u0022", StringComparison.Ordinal), reply, StringComparison.Ordinal);
    }

    [Fact]
    public void HandleGet_DeletedTwinsLeftOut()
    {
        var twins = new Dictionary<string, MsgTwin>
        {
            ["gone"] = new(Metadata: new TypeMetadata("deleted"), ExpectedVersion: new TwinVersion(0, 2)),
            ["here"] = new(Actual: new TwinValue("1"), Optional: true, Metadata: new TypeMetadata("int"), ActualVersion: new TwinVersion(0, 1)),
        };
        var reply = TwinProcessor.HandleGet("default/d", twins, TwinJson.Bytes("""{"event_id":"g"}"""), 5);
        TwinJson.Equal("""{"event_id":"g","timestamp":5,"twin":{"here":{"actual":{"value":"1"},"optional":true,"metadata":{"type":"int"}}}}""", reply);
    }

    [Fact]
    public void TwinRows_RoundTripThroughRow_KeepsEverything()
    {
        var twin = new MsgTwin(new TwinValue("22", new ValueMetadata(10)), new TwinValue("21", new ValueMetadata(11)), false, new TypeMetadata("int"), new TwinVersion(2, 3), new TwinVersion(0, 5));
        var row = TwinRows.ToRow("default/d", "setpoint", twin);
        Assert.Equal(
            new DeviceTwinRow(0, "default/d", "setpoint", null, "22", "21", """{"timestamp":10}""", """{"timestamp":11}""", """{"cloud":2,"edge":3}""", """{"cloud":0,"edge":5}""", false, "int", """{"type":"int"}"""),
            row);
        Assert.Equal(twin, TwinRows.FromRow(row));
        Assert.Null(TwinRows.FromRow(row with { ExpectedVersion = "not json", Expected = "" }).Expected);
    }
}
