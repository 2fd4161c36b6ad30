using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Actors.Cloud.Tests.ApiServer;

/// <summary>
/// Graceful deletion of a pod bound to a node: the object stays (deletionTimestamp) until the node agent deletes it
/// with grace period 0, whatever else writes to it meanwhile (its agent's status patches, a second delete).
/// </summary>
public sealed class PodDeletionTests
{
    private const string PodUrl = "api/v1/namespaces/default/pods/p";

    private static JsonObject BoundPod() => new()
    {
        ["apiVersion"] = "v1", ["kind"] = "Pod",
        ["metadata"] = new JsonObject { ["name"] = "p" },
        ["spec"] = new JsonObject
        {
            ["nodeName"] = "edge-1",
            ["terminationGracePeriodSeconds"] = 30,
            ["containers"] = new JsonArray(new JsonObject { ["name"] = "c", ["image"] = "busybox" }),
        },
    };

    private static async Task<(HttpStatusCode Code, JsonObject Body)> SendAsync(HttpClient c, HttpMethod method, string url, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        using var response = await c.SendAsync(request);
        return (response.StatusCode, (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    private static StringContent Body(string json, string type = "application/json") =>
        new(json, Encoding.UTF8, new MediaTypeHeaderValue(type));

    private static async Task<HttpClient> CreatePodAndDeleteAsync(ApiServerHarness h)
    {
        var c = h.Client();
        var node = new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Node", ["metadata"] = new JsonObject { ["name"] = "edge-1" } };
        Assert.Equal(HttpStatusCode.Created, (await SendAsync(c, HttpMethod.Post, "api/v1/nodes", ApiServerHarness.Json(node))).Code); // not orphaned: pod GC keeps it
        Assert.Equal(HttpStatusCode.Created, (await SendAsync(c, HttpMethod.Post, "api/v1/namespaces/default/pods", ApiServerHarness.Json(BoundPod()))).Code);
        var (code, deleting) = await SendAsync(c, HttpMethod.Delete, PodUrl);
        Assert.Equal(HttpStatusCode.OK, code);
        Assert.NotNull(deleting["metadata"]!["deletionTimestamp"]);
        Assert.Equal(30, deleting["metadata"]!["deletionGracePeriodSeconds"]!.GetValue<long>());
        return c;
    }

    [Fact]
    public async Task StatusPatch_PodDeletingGracefully_KeepsThePod()
    {
        await using var h = await ApiServerHarness.StartAsync();
        var c = await CreatePodAndDeleteAsync(h);

        var patch = Body("{\"status\":{\"phase\":\"Running\"}}", "application/strategic-merge-patch+json");
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(c, HttpMethod.Patch, PodUrl + "/status", patch)).Code);

        var (code, pod) = await SendAsync(c, HttpMethod.Get, PodUrl);
        Assert.Equal(HttpStatusCode.OK, code);
        Assert.Equal("Running", pod["status"]!["phase"]!.GetValue<string>());
    }

    [Fact]
    public async Task SecondDelete_WithoutGracePeriod_KeepsTheRunningGracePeriod()
    {
        await using var h = await ApiServerHarness.StartAsync();
        var c = await CreatePodAndDeleteAsync(h);

        var (code, again) = await SendAsync(c, HttpMethod.Delete, PodUrl);

        Assert.Equal(HttpStatusCode.OK, code);
        Assert.Equal(30, again["metadata"]!["deletionGracePeriodSeconds"]!.GetValue<long>());
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(c, HttpMethod.Get, PodUrl)).Code);
    }

    [Fact]
    public async Task SecondDelete_ShorterGracePeriod_ShortensIt()
    {
        await using var h = await ApiServerHarness.StartAsync();
        var c = await CreatePodAndDeleteAsync(h);

        var (_, again) = await SendAsync(c, HttpMethod.Delete, PodUrl, Body("{\"gracePeriodSeconds\":5}"));

        Assert.Equal(5, again["metadata"]!["deletionGracePeriodSeconds"]!.GetValue<long>());
    }

    [Fact]
    public async Task NodeAgentDelete_GracePeriodZero_RemovesThePod()
    {
        await using var h = await ApiServerHarness.StartAsync();
        var c = await CreatePodAndDeleteAsync(h);
        var uid = (await SendAsync(c, HttpMethod.Get, PodUrl)).Body["metadata"]!["uid"]!.GetValue<string>();

        var wrong = Body("{\"gracePeriodSeconds\":0,\"preconditions\":{\"uid\":\"not-" + uid + "\"}}");
        Assert.Equal(HttpStatusCode.Conflict, (await SendAsync(c, HttpMethod.Delete, PodUrl, wrong)).Code);
        var right = Body("{\"gracePeriodSeconds\":0,\"preconditions\":{\"uid\":\"" + uid + "\"}}");
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(c, HttpMethod.Delete, PodUrl, right)).Code);

        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(c, HttpMethod.Get, PodUrl)).Code);
    }
}
