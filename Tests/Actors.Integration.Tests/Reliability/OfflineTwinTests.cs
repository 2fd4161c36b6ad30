using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Actors.Integration.Tests.Reliability;

/// <summary>
/// Twin values a mapper reports while cloudcore is down (one of them queued across an edgecore SIGKILL) reach the
/// Device's status after cloudcore restarts.
/// </summary>
public sealed class OfflineTwinTests
{
    private const string Device = "room-rel";
    private const string DeviceId = "default/" + Device;

    [Fact]
    public async Task TwinsReported_CloudKilledAndEdgeCrashed_ReachDeviceStatusAfterRestart()
    {
        using var pair = await EdgeCloudPair.StartAsync("edge-rel-3");
        await pair.ApplyAsync("model.json", """
            {"apiVersion":"devices.kubeedge.io/v1beta1","kind":"DeviceModel","metadata":{"name":"thermo-rel","namespace":"default"},
             "spec":{"protocol":"modbus","properties":[{"name":"temperature","type":"FLOAT","accessMode":"ReadOnly"},{"name":"humidity","type":"INT","accessMode":"ReadOnly"}]}}
            """);
        await pair.ApplyAsync("device.json", """
            {"apiVersion":"devices.kubeedge.io/v1beta1","kind":"Device","metadata":{"name":"room-rel","namespace":"default"},
             "spec":{"deviceModelRef":{"name":"thermo-rel"},"nodeName":"edge-rel-3","protocol":{"protocolName":"modbus"},
              "properties":[{"name":"temperature","reportToCloud":true},{"name":"humidity","reportToCloud":true}]}}
            """);
        await pair.UntilAsync("device " + DeviceId + " a member of the edge", () => Task.FromResult(
            EdgeStore.Scalar(pair.EdgeDatabase, "SELECT count(*) FROM device WHERE id = $id", ("$id", DeviceId)) is long n && n == 1 ? null : "not yet"));

        await pair.KillCloudAsync();
        var outboxBefore = OutboxCount(pair);
        await ReportAsync(pair, "temperature", "float", "21.5", outboxBefore);

        // edgecore crashes with the report still queued, comes back while the cloud is still down, and a second one follows.
        await pair.KillEdgeAsync();
        await pair.StartEdgeAsync();
        pair.Check(OutboxCount(pair) > outboxBefore, "the queued report did not survive edgecore's SIGKILL");
        await ReportAsync(pair, "humidity", "int", "40", OutboxCount(pair));

        await pair.StartCloudAsync();
        await pair.UntilAsync("both reported values in the Device's status", async () =>
        {
            var (exit, stdout, stderr) = await pair.TryKubectlAsync("get", "device", Device, "-o", "json");
            var reported = exit == 0 ? Reported(stdout, "temperature") + "/" + Reported(stdout, "humidity") : stderr.Trim();
            return reported == "21.5/40" ? null : "reported '" + reported + "'";
        });
        await pair.UntilAsync("the edge's cloud outbox drained", () => Task.FromResult(OutboxCount(pair) == 0 ? null : OutboxCount(pair) + " queued"));
        await pair.StopEdgeAsync();
    }

    /// <summary>Publishes an actual value as a mapper would and waits until the edge stored it and queued it for the cloud.</summary>
    private static async Task ReportAsync(EdgeCloudPair pair, string twin, string type, string value, long outboxBefore)
    {
        await pair.UntilEdgeLinesAsync("edgecore's internal MQTT link subscribed",
            l => l.Contains("eventbus internal: connected and subscribed", StringComparison.Ordinal), 1);
        await PublishAsync(pair, "$hw/events/device/" + DeviceId + "/twin/update",
            "{\"event_id\":\"rel-" + twin + "\",\"timestamp\":" + DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)
            + ",\"twin\":{\"" + twin + "\":{\"actual\":{\"value\":\"" + value + "\"},\"metadata\":{\"type\":\"" + type + "\"}}}}");
        await pair.UntilAsync(twin + " = " + value + " stored on the edge and queued for the cloud", () =>
        {
            var actual = EdgeStore.Scalar(pair.EdgeDatabase, "SELECT actual FROM device_twin WHERE deviceid = $id AND name = $name", ("$id", DeviceId), ("$name", twin));
            var queued = OutboxCount(pair);
            return Task.FromResult(actual as string == value && queued > outboxBefore ? null : "actual " + actual + ", outbox " + queued);
        });
    }

    private static long OutboxCount(EdgeCloudPair pair) =>
        EdgeStore.Scalar(pair.EdgeDatabase, "SELECT count(*) FROM device_cloud_outbox") as long? ?? 0;

    private static string Reported(string deviceJson, string property)
    {
        using var doc = JsonDocument.Parse(deviceJson);
        if (!doc.RootElement.TryGetProperty("status", out var status) || !status.TryGetProperty("twins", out var twins))
        {
            return "(no status.twins)";
        }

        foreach (var twin in twins.EnumerateArray())
        {
            if (twin.TryGetProperty("propertyName", out var name) && name.GetString() == property
                && twin.TryGetProperty("reported", out var reported) && reported.TryGetProperty("value", out var value))
            {
                return value.GetString() ?? "";
            }
        }

        return "(no reported " + property + ")";
    }

    /// <summary>mosquitto_pub (QoS 1) against edgecore's internal broker, standing in for a mapper.</summary>
    private static async Task PublishAsync(EdgeCloudPair pair, string topic, string payload)
    {
        const string Pub = "/usr/bin/mosquitto_pub";
        pair.Check(File.Exists(Pub), "mosquitto_pub is required at " + Pub + " (./test.sh installs mosquitto-clients)");
        var psi = new ProcessStartInfo(Pub) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-h", "127.0.0.1", "-p", pair.MqttPort.ToString(CultureInfo.InvariantCulture), "-q", "1", "-t", topic, "-m", payload })
        {
            psi.ArgumentList.Add(a);
        }

        using var process = Process.Start(psi)!;
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(cts.Token);
        pair.Check(process.ExitCode == 0, "mosquitto_pub failed: " + await stderr);
    }
}
