using System.Globalization;
using System.Text;
using System.Text.Json;
using Actors.Integration.Tests.Support;

namespace Actors.Integration.Tests.EndToEnd;

/// <summary>
/// The router's rule paths other than REST → EventBus (covered with the samples), with real cloudcore and edgecore
/// processes: REST → ServiceBus (an application on the edge answers a cloud REST call), EventBus → REST (an edge MQTT
/// publication is POSTed to a cloud URL) and ServiceBus → REST (an edge application calls a cloud URL through the
/// edge's local ServiceBus server).
/// </summary>
public sealed class RulePathsTests : IDisposable
{
    private const string Node = "edge-rules-1";
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(120);
    private readonly TempConfig _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task RulePaths_RestServiceBusEventBus_EachDeliversEndToEnd()
    {
        await using var edgeApp = await RecordingServer.StartAsync();
        await using var cloudApp = await RecordingServer.StartAsync();
        var (routerPort, brokerPort, serviceBusPort) = (Ports.Free(), Ports.Free(), Ports.Free());
        using var cloud = await CloudCoreHost.StartAsync(Path.Combine(_dir.Dir, "cloud"),
            ["cloudcore.modules.router.enable=on", "cloudcore.modules.router.address=127.0.0.1", "cloudcore.modules.router.port=" + routerPort,
             "cloudcore.modules.router.rest-timeout=10s"]);
        using var edge = await EdgeCoreHost.JoinAndStartAsync(cloud, Path.Combine(_dir.Dir, "edge"), Node,
        [
            "edgecore.modules.eventbus.internal-server=tcp://127.0.0.1:" + brokerPort,
            "edgecore.modules.servicebus.enable=on", "edgecore.modules.servicebus.server=127.0.0.1:" + serviceBusPort,
        ]);
        string Logs() => "---- cloudcore\n" + cloud.Process.StdOut + "\n---- edgecore\n" + edge.Process.StdOut;

        var rules = Path.Combine(_dir.Dir, "rules.yaml");
        await File.WriteAllTextAsync(rules, Rules(edgeApp.Port, cloudApp.Address));
        // A REST → ServiceBus call reaches only a connected node: wait until the node is Ready.
        await Eventually.KubectlAsync(cloud, "True", Long, Logs, "get", "node", Node, "-o", "jsonpath={.status.conditions[?(@.type==\"Ready\")].status}");
        var applied = await cloud.KubectlAsync("apply", "-f", rules);
        Assert.True(applied.Exit == 0, "kubectl apply failed: " + applied.StdErr);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };

        // REST -> ServiceBus: the cloud call reaches the edge application and its answer comes back.
        var answer = await Eventually.UntilAsync(
            () => SendAsync(http, HttpMethod.Get, "http://127.0.0.1:" + routerPort + "/" + Node + "/default/svc/items?id=7", null),
            s => s.StartsWith("200 ", StringComparison.Ordinal), Long, "REST -> ServiceBus answered 200", Logs);
        Assert.Equal("200 echo:", answer);
        await edgeApp.NextAsync(r => r.StartsWith("GET /app/items?id=7 ", StringComparison.Ordinal), Long, "the call on the edge application", Logs);

        // EventBus -> REST: an edge publication on <namespace>/<topic> is POSTed to the cloud URL with the node's name.
        await using var mqtt = await EdgeMqtt.ConnectAsync(edge, brokerPort, "e2e-app");
        var posted = await PublishUntilPostedAsync(mqtt, cloudApp, Logs);
        Assert.Equal("POST /ingest NodeName=" + Node + " {\"t\":21}", posted);

        // ServiceBus -> REST: the edge application calls an allowed cloud URL through the local server.
        var request = JsonSerializer.Serialize(new { method = "POST", targetURL = cloudApp.Address + "api/report", payload = Convert.ToBase64String("ping"u8.ToArray()) });
        var upload = await Eventually.UntilAsync(
            () => SendAsync(http, HttpMethod.Post, "http://127.0.0.1:" + serviceBusPort + "/", request),
            s => s.StartsWith("200 ", StringComparison.Ordinal), Long, "ServiceBus -> REST answered 200", Logs);
        using (var doc = JsonDocument.Parse(upload[4..]))
        {
            Assert.Equal(200, doc.RootElement.GetProperty("code").GetInt32());
            Assert.Equal("echo:ping", Encoding.UTF8.GetString(doc.RootElement.GetProperty("body").GetBytesFromBase64()));
        }

        Assert.Equal(0, await edge.StopAsync());
        Assert.Equal(0, await cloud.StopAsync());
    }

    /// <summary>The edge subscribes the rule's topic once the router told it to: publish until a POST arrives.</summary>
    private static async Task<string> PublishUntilPostedAsync(EdgeMqtt mqtt, RecordingServer server, Func<string> logs)
    {
        using var deadline = new CancellationTokenSource(Long);
        while (true)
        {
            await mqtt.PublishAsync("default/telemetry", """{"t":21}""");
            if (await server.TryNextAsync(r => r.StartsWith("POST /ingest ", StringComparison.Ordinal), TimeSpan.FromSeconds(2)) is { } posted)
            {
                return posted;
            }

            Assert.False(deadline.IsCancellationRequested, "no POST for the edge publication within " + Long.TotalSeconds + " s\n" + logs());
        }
    }

    private static async Task<string> SendAsync(HttpClient http, HttpMethod method, string uri, string? body)
    {
        try
        {
            using var message = new HttpRequestMessage(method, new Uri(uri));
            if (body is not null)
            {
                message.Content = new StringContent(body, Encoding.UTF8, "application/json");
            }

            using var response = await http.SendAsync(message);
            return (int)response.StatusCode + " " + await response.Content.ReadAsStringAsync();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return "no answer: " + e.Message;
        }
    }

    private static string Rules(int edgeAppPort, Uri cloudApp) => string.Format(CultureInfo.InvariantCulture, """
        apiVersion: rules.kubeedge.io/v1
        kind: RuleEndpoint
        metadata: {{name: rest, namespace: default}}
        spec: {{ruleEndpointType: rest, properties: {{}}}}
        ---
        apiVersion: rules.kubeedge.io/v1
        kind: RuleEndpoint
        metadata: {{name: eventbus, namespace: default}}
        spec: {{ruleEndpointType: eventbus, properties: {{}}}}
        ---
        apiVersion: rules.kubeedge.io/v1
        kind: RuleEndpoint
        metadata: {{name: servicebus, namespace: default}}
        spec: {{ruleEndpointType: servicebus, properties: {{service_port: "{0}"}}}}
        ---
        apiVersion: rules.kubeedge.io/v1
        kind: Rule
        metadata: {{name: rest-to-app, namespace: default}}
        spec: {{source: rest, sourceResource: {{path: /svc}}, target: servicebus, targetResource: {{path: /app}}}}
        ---
        apiVersion: rules.kubeedge.io/v1
        kind: Rule
        metadata: {{name: telemetry-to-cloud, namespace: default}}
        spec: {{source: eventbus, sourceResource: {{topic: telemetry, node_name: {2}}}, target: rest, targetResource: {{resource: "{1}ingest"}}}}
        ---
        apiVersion: rules.kubeedge.io/v1
        kind: Rule
        metadata: {{name: app-to-cloud, namespace: default}}
        spec: {{source: servicebus, sourceResource: {{target_url: "{1}api/report", node_name: {2}}}, target: rest, targetResource: {{resource: "{1}api/report"}}}}
        """, edgeAppPort, cloudApp, Node);
}
