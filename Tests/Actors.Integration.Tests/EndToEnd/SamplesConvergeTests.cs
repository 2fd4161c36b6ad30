using System.Globalization;
using System.Text;
using System.Text.Json;
using Actors.Integration.Tests.Support;
using Actors.TestKit.Cri;

namespace Actors.Integration.Tests.EndToEnd;

/// <summary>
/// The quickstart's flow with real processes: cloudcore (embedded API server, router) and a joined edgecore on
/// containerd; deploy/samples/ applied with kubectl converge — node Ready, the pod Running and Ready with its
/// configMap volume, the device's desired value reaching the mapper as a delta and its reported value reaching
/// the Device's status, and the REST → EventBus rule publishing on the edge.
/// </summary>
public sealed class SamplesConvergeTests : IDisposable
{
    private const string Node = "edge-node-1";
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(120);
    private readonly TempConfig _dir = new();

    public void Dispose() => _dir.Dispose();

    [CriFact]
    public async Task Samples_AppliedToJoinedEdge_ConvergeEndToEnd()
    {
        var routerPort = Ports.Free();
        var brokerPort = Ports.Free();
        using var cloud = await CloudCoreHost.StartAsync(Path.Combine(_dir.Dir, "cloud"),
            ["cloudcore.modules.router.enable=on", "cloudcore.modules.router.address=127.0.0.1", "cloudcore.modules.router.port=" + routerPort]);
        using var edge = await EdgeCoreHost.JoinAndStartAsync(cloud, Path.Combine(_dir.Dir, "edge"), Node,
        [
            "edgecore.modules.edged.runtime=cri", "edgecore.modules.edged.cri-endpoint=" + CriEnvironment.RequireEndpoint(),
            "edgecore.modules.edged.host-network-only=on",
            "edgecore.modules.eventbus.internal-server=tcp://127.0.0.1:" + brokerPort,
        ]);
        string Logs() => "---- cloudcore\n" + cloud.Process.StdOut + "\n---- edgecore\n" + edge.Process.StdOut;

        await using var mapper = await EdgeMqtt.ConnectAsync(edge, brokerPort, "e2e-mapper");
        const string twin = "$hw/events/device/default/room-1/twin";
        await mapper.SubscribeAsync(twin + "/update/delta");
        await mapper.SubscribeAsync("alerts");

        var applied = await cloud.KubectlAsync("apply", "-f", SamplesCopy());
        Assert.True(applied.Exit == 0, "kubectl apply failed: " + applied.StdErr);

        await Eventually.KubectlAsync(cloud, "True", Long, Logs,
            "get", "node", Node, "-o", "jsonpath={.status.conditions[?(@.type==\"Ready\")].status}");
        await Eventually.KubectlAsync(cloud, "Running/True", Long, Logs,
            "get", "pod", "greeter", "-o", "jsonpath={.status.phase}/{.status.conditions[?(@.type==\"Ready\")].status}");

        var delta = await mapper.NextAsync(twin + "/update/delta", p => p.Contains("\"power\"", StringComparison.Ordinal), Long, "the desired power delta", Logs);
        using (var doc = JsonDocument.Parse(delta))
        {
            Assert.Equal("on", doc.RootElement.GetProperty("delta").GetProperty("power").GetString());
        }

        await mapper.PublishAsync(twin + "/update",
            """{"event_id":"e2e-1","timestamp":1,"twin":{"temperature":{"actual":{"value":"21.5"},"metadata":{"type":"float"}}}}""");
        await Eventually.KubectlAsync(cloud, "21.5", Long, Logs,
            "get", "device", "room-1", "-o", "jsonpath={.status.twins[?(@.propertyName==\"temperature\")].reported.value}");

        await PostUntilDeliveredAsync(routerPort, "/" + Node + "/default/alerts", """{"level":"high"}""", Logs);
        await mapper.NextAsync("alerts", p => p == """{"level":"high"}""", Long, "the alert routed from REST", Logs);

        Assert.Equal(0, await edge.StopAsync());
        Assert.Equal(0, await cloud.StopAsync());
    }

    /// <summary>deploy/samples/ copied with the busybox image the test set-up imported.</summary>
    private string SamplesCopy()
    {
        var target = Directory.CreateDirectory(Path.Combine(_dir.Dir, "samples")).FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(TempConfig.RepoRoot(), "deploy", "samples"), "*.yaml"))
        {
            var text = File.ReadAllText(file).Replace("localhost/edgeactors/busybox:latest", CriEnvironment.BusyboxImage, StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(target, Path.GetFileName(file)), text);
        }

        return target;
    }

    /// <summary>The router answers 404 until its informer has seen the rule; retry until 200.</summary>
    private static async Task PostUntilDeliveredAsync(int port, string path, string body, Func<string> logs)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var uri = new Uri("http://127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture) + path);
        await Eventually.UntilAsync(
            async () =>
            {
                using var content = new StringContent(body, Encoding.UTF8, "application/json");
                using var response = await http.PostAsync(uri, content);
                return (int)response.StatusCode + " " + await response.Content.ReadAsStringAsync();
            },
            s => s.StartsWith("200 ", StringComparison.Ordinal),
            Long,
            "POST " + path + " answered 200",
            logs);
    }
}
