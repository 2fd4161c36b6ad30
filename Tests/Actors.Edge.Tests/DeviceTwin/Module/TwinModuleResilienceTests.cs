using Actors.Edge.Modules.DeviceTwin.Engine;

namespace Actors.Edge.Tests.DeviceTwin.Module;

/// <summary>Child crashes, cloud outages and restarts: no twin update is lost.</summary>
public sealed class TwinModuleResilienceTests : TwinModuleTestBase
{
    private const string Topic = "$hw/events/device/" + Device;
    private const string Report = """{"event_id":"r-1","timestamp":1,"twin":{"temperature":{"actual":{"value":"24.1"}}}}""";

    [Fact]
    public void TwinWorkerCrash_RestartedAndUpdateStillApplied()
    {
        CrashingEngine? engine = null;
        Start(context => engine = new CrashingEngine(new TwinEngine(context.Time, Node), failures: 1));
        AddDevice();
        EventFilter.Exception<InvalidOperationException>().ExpectOne(() =>
            FromMqtt(Topic + "/twin/update", Report));

        var result = ExpectPublished(Topic + "/twin/update/result");
        Assert.Equal("24.1", result.GetProperty("twin").GetProperty("temperature").GetProperty("actual").GetProperty("value").GetString());
        Assert.Equal(2, engine!.UpdateCalls);
        Assert.Equal("24.1", Rows("SELECT actual FROM device_twin WHERE name = 'temperature'").Single()[0]);
        ExpectCloud("twin/edge_updated");
    }

    [Fact]
    public void TwinWorkerCrashingEveryTime_Answers500AfterMaxAttempts_NextRequestsServed()
    {
        Start(context => new CrashingEngine(new TwinEngine(context.Time, Node), failures: 3));
        AddDevice();
        FromMqtt(Topic + "/twin/update", Report);
        var failed = ExpectPublished(Topic + "/twin/update/result");
        Assert.Equal(500, failed.GetProperty("code").GetInt32());
        Assert.Empty(Rows("SELECT * FROM device_twin WHERE name = 'temperature'"));

        FromMqtt(Topic + "/twin/update", Report);
        var ok = ExpectPublished(Topic + "/twin/update/result");
        Assert.Equal("24.1", ok.GetProperty("twin").GetProperty("temperature").GetProperty("actual").GetProperty("value").GetString());
    }

    [Fact]
    public void ReportWhileDisconnected_KeptDurably_SentAndConfirmedAfterReconnect()
    {
        Start();
        AddDevice();
        Connection(up: false);
        FromMqtt(Topic + "/twin/update", Report);
        ExpectPublished(Topic + "/twin/update/result");
        Assert.Single(Rows("SELECT msg_id FROM device_cloud_outbox"));
        Cloud.ExpectNoMsg(TimeSpan.FromMilliseconds(300));

        Connection(up: true);
        ExpectCloud("membership/detail");
        var sent = ExpectCloud("device/default/thermo-01/twin/edge_updated");
        Assert.Equal(sent.Header.MsgId, Rows("SELECT msg_id FROM device_cloud_outbox").Single()[0]);

        FromCloud(Confirmation(sent));
        AwaitAssert(() => Assert.Empty(Rows("SELECT msg_id FROM device_cloud_outbox")), Long);
    }

    [Fact]
    public void UnconfirmedMessage_ResentEveryRetryInterval_UntilConfirmed()
    {
        Start();
        AddDevice();
        FromMqtt(Topic + "/twin/update", Report);
        var first = ExpectCloud("twin/edge_updated");

        Time.Advance(Options.ConfirmRetryInterval);
        var again = ExpectCloud("twin/edge_updated");
        Assert.Equal(first.Header.MsgId, again.Header.MsgId);

        FromCloud(Confirmation(again));
        AwaitAssert(() => Assert.Empty(Rows("SELECT msg_id FROM device_cloud_outbox")), Long);
        Time.Advance(Options.ConfirmRetryInterval);
        Cloud.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
    }

    [Fact]
    public void OfflineReport_SurvivesModuleRestart_DeviceStateReloadedAndSentOnConnect()
    {
        Start();
        AddDevice();
        Connection(up: false);
        FromMqtt(Topic + "/twin/update", Report);
        ExpectPublished(Topic + "/twin/update/result");
        StopBus();

        Start();
        var resent = ExpectCloud("device/default/thermo-01/twin/edge_updated");
        Assert.Equal("24.1", resent.Content.ToElement().GetProperty("twin").GetProperty("temperature").GetProperty("actual").GetProperty("value").GetString());
        FromMqtt(Topic + "/twin/get", """{"event_id":"g-1","timestamp":1}""");
        var twin = ExpectPublished(Topic + "/twin/get/result").GetProperty("twin");
        Assert.Equal("24.1", twin.GetProperty("temperature").GetProperty("actual").GetProperty("value").GetString());
        Assert.Equal("20", twin.GetProperty("setpoint").GetProperty("expected").GetProperty("value").GetString());
    }
}
