using System.Net;
using System.Text.Json.Nodes;
using Actors.TestKit;

namespace Actors.Cloud.Tests.ApiServer;

/// <summary>The embedded API server's pod GC: pods bound to nodes that no longer exist go after the quarantine.</summary>
public sealed class PodGcTests
{
    private static JsonObject Pod(string name, string node) => new()
    {
        ["apiVersion"] = "v1", ["kind"] = "Pod",
        ["metadata"] = new JsonObject { ["name"] = name },
        ["spec"] = new JsonObject
        {
            ["nodeName"] = node,
            ["containers"] = new JsonArray(new JsonObject { ["name"] = "c", ["image"] = "busybox" }),
        },
    };

    private static async Task<HttpStatusCode> SendAsync(HttpClient c, HttpMethod method, string url, JsonObject? body = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : ApiServerHarness.Json(body) };
        using var response = await c.SendAsync(request);
        return response.StatusCode;
    }

    private static Task<HttpStatusCode> GetPodAsync(HttpClient c, string name) => SendAsync(c, HttpMethod.Get, "api/v1/namespaces/default/pods/" + name);

    [Fact]
    public async Task Sweep_NodeMissing_TerminatingPodAtOnceOthersAfterQuarantineLivePodsKept()
    {
        var time = new ManualTimeProvider(DateTimeOffset.UtcNow);
        await using var h = await ApiServerHarness.StartAsync(time: time);
        var c = h.Client();
        var node = new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Node", ["metadata"] = new JsonObject { ["name"] = "edge-1" } };
        Assert.Equal(HttpStatusCode.Created, await SendAsync(c, HttpMethod.Post, "api/v1/nodes", node));
        foreach (var (name, bound) in new[] { ("live", "edge-1"), ("orphan", "gone"), ("terminating", "gone") })
        {
            Assert.Equal(HttpStatusCode.Created, await SendAsync(c, HttpMethod.Post, "api/v1/namespaces/default/pods", Pod(name, bound)));
        }

        Assert.Equal(HttpStatusCode.OK, await SendAsync(c, HttpMethod.Delete, "api/v1/namespaces/default/pods/terminating")); // graceful: stays

        time.Advance(TimeSpan.FromSeconds(20)); // first sweep: the node is missing from now on
        Assert.Equal(HttpStatusCode.NotFound, await GetPodAsync(c, "terminating"));
        Assert.Equal(HttpStatusCode.OK, await GetPodAsync(c, "orphan"));

        time.Advance(TimeSpan.FromSeconds(20)); // missing for 20 s: still within the quarantine
        Assert.Equal(HttpStatusCode.OK, await GetPodAsync(c, "orphan"));

        time.Advance(TimeSpan.FromSeconds(20)); // missing for 40 s
        Assert.Equal(HttpStatusCode.NotFound, await GetPodAsync(c, "orphan"));
        Assert.Equal(HttpStatusCode.OK, await GetPodAsync(c, "live"));
    }

    [Fact]
    public async Task Sweep_NodeReturnsWithinQuarantine_PodKept()
    {
        var time = new ManualTimeProvider(DateTimeOffset.UtcNow);
        await using var h = await ApiServerHarness.StartAsync(time: time);
        var c = h.Client();
        Assert.Equal(HttpStatusCode.Created, await SendAsync(c, HttpMethod.Post, "api/v1/namespaces/default/pods", Pod("waits", "edge-2")));
        time.Advance(TimeSpan.FromSeconds(20));

        var node = new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Node", ["metadata"] = new JsonObject { ["name"] = "edge-2" } };
        Assert.Equal(HttpStatusCode.Created, await SendAsync(c, HttpMethod.Post, "api/v1/nodes", node));
        time.Advance(TimeSpan.FromSeconds(60));

        Assert.Equal(HttpStatusCode.OK, await GetPodAsync(c, "waits"));
    }
}
