using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Actors.Cloud.Tests.ApiServer;

/// <summary>Kubernetes API semantics checked over HTTPS against a fresh server per test.</summary>
public sealed class ApiSemanticsTests
{
    private static JsonObject ConfigMap(string name, string value = "0") => new()
    {
        ["apiVersion"] = "v1", ["kind"] = "ConfigMap",
        ["metadata"] = new JsonObject { ["name"] = name },
        ["data"] = new JsonObject { ["n"] = value },
    };

    private static async Task<(HttpStatusCode Code, JsonObject Body)> SendAsync(HttpClient c, HttpMethod method, string url, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        using var response = await c.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, (JsonObject)JsonNode.Parse(text)!);
    }

    [Fact]
    public async Task Request_WithoutToken_Gets401Status()
    {
        await using var h = await ApiServerHarness.StartAsync();
        var (code, body) = await SendAsync(h.Client(authenticated: false), HttpMethod.Get, "api/v1/namespaces");
        Assert.Equal(HttpStatusCode.Unauthorized, code);
        Assert.Equal("Status", body["kind"]!.GetValue<string>());
        Assert.Equal(401, body["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task Update_WithStaleResourceVersion_Gets409Conflict()
    {
        await using var h = await ApiServerHarness.StartAsync();
        var c = h.Client();
        var (_, created) = await SendAsync(c, HttpMethod.Post, "api/v1/namespaces/default/configmaps", ApiServerHarness.Json(ConfigMap("cm")));
        var first = (JsonObject)created.DeepClone();
        first["data"]!["n"] = "1";
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(c, HttpMethod.Put, "api/v1/namespaces/default/configmaps/cm", ApiServerHarness.Json(first))).Code);
        created["data"]!["n"] = "2";
        var (code, status) = await SendAsync(c, HttpMethod.Put, "api/v1/namespaces/default/configmaps/cm", ApiServerHarness.Json(created));
        Assert.Equal(HttpStatusCode.Conflict, code);
        Assert.Equal("Conflict", status["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task ManyWriters_ReadModifyWrite_NoUpdateIsLost()
    {
        await using var h = await ApiServerHarness.StartAsync();
        var c = h.Client();
        await SendAsync(c, HttpMethod.Post, "api/v1/namespaces/default/configmaps", ApiServerHarness.Json(ConfigMap("counter")));
        var successes = 0;
        var conflicts = 0;
        async Task Writer()
        {
            for (var i = 0; i < 15; i++)
            {
                var (_, current) = await SendAsync(c, HttpMethod.Get, "api/v1/namespaces/default/configmaps/counter");
                var n = int.Parse(current["data"]!["n"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
                current["data"]!["n"] = (n + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                var (code, _) = await SendAsync(c, HttpMethod.Put, "api/v1/namespaces/default/configmaps/counter", ApiServerHarness.Json(current));
                if (code == HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref successes);
                }
                else
                {
                    Assert.Equal(HttpStatusCode.Conflict, code);
                    Interlocked.Increment(ref conflicts);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(Writer)));
        var (_, final) = await SendAsync(c, HttpMethod.Get, "api/v1/namespaces/default/configmaps/counter");
        Assert.Equal(8 * 15, successes + conflicts);
        Assert.Equal(successes.ToString(System.Globalization.CultureInfo.InvariantCulture), final["data"]!["n"]!.GetValue<string>());
    }

    [Fact]
    public async Task Restart_KeepsObjectsAndResourceVersionStaysMonotonic()
    {
        await using var h = await ApiServerHarness.StartAsync();
        var c = h.Client();
        for (var i = 0; i < 5; i++)
        {
            await SendAsync(c, HttpMethod.Post, "api/v1/namespaces/default/configmaps", ApiServerHarness.Json(ConfigMap("cm" + i)));
        }

        var device = JsonNode.Parse("""{"apiVersion":"devices.kubeedge.io/v1beta1","kind":"Device","metadata":{"name":"d1"},"spec":{"nodeName":"edge-1"}}""")!;
        Assert.Equal(HttpStatusCode.Created, (await SendAsync(c, HttpMethod.Post, "apis/devices.kubeedge.io/v1beta1/namespaces/default/devices", ApiServerHarness.Json(device))).Code);
        var (_, before) = await SendAsync(c, HttpMethod.Get, "api/v1/namespaces/default/configmaps");
        var rvBefore = long.Parse(before["metadata"]!["resourceVersion"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        await h.RestartAsync();
        c = h.Client();
        var (_, after) = await SendAsync(c, HttpMethod.Get, "api/v1/namespaces/default/configmaps");
        Assert.Equal(5, after["items"]!.AsArray().Count);
        Assert.Equal(before["items"]!.ToJsonString(), after["items"]!.ToJsonString());
        var (deviceCode, storedDevice) = await SendAsync(c, HttpMethod.Get, "apis/devices.kubeedge.io/v1beta1/namespaces/default/devices/d1");
        Assert.Equal(HttpStatusCode.OK, deviceCode);
        Assert.Equal("edge-1", storedDevice["spec"]!["nodeName"]!.GetValue<string>());
        var (_, created) = await SendAsync(c, HttpMethod.Post, "api/v1/namespaces/default/configmaps", ApiServerHarness.Json(ConfigMap("later")));
        var rvNew = long.Parse(created["metadata"]!["resourceVersion"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(rvNew > rvBefore, $"resourceVersion went from {rvBefore} to {rvNew}");
    }

    [Fact]
    public async Task Watch_FromCompactedResourceVersion_Gets410Expired()
    {
        await using var h = await ApiServerHarness.StartAsync(o => o with { EventWindow = 5 });
        var c = h.Client();
        var (_, first) = await SendAsync(c, HttpMethod.Post, "api/v1/namespaces/default/configmaps", ApiServerHarness.Json(ConfigMap("a")));
        var oldRv = first["metadata"]!["resourceVersion"]!.GetValue<string>();
        for (var i = 0; i < 10; i++)
        {
            await SendAsync(c, HttpMethod.Post, "api/v1/namespaces/default/configmaps", ApiServerHarness.Json(ConfigMap("b" + i)));
        }

        var (code, status) = await SendAsync(c, HttpMethod.Get, $"api/v1/namespaces/default/configmaps?watch=1&resourceVersion={oldRv}");
        Assert.Equal(HttpStatusCode.Gone, code);
        Assert.Equal("Expired", status["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Watch_FromResourceVersion_StreamsChangesAndBookmarks()
    {
        await using var h = await ApiServerHarness.StartAsync(o => o with { BookmarkInterval = TimeSpan.FromMilliseconds(200) });
        var c = h.Client();
        var (_, list) = await SendAsync(c, HttpMethod.Get, "api/v1/namespaces/default/configmaps");
        var rv = list["metadata"]!["resourceVersion"]!.GetValue<string>();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/v1/namespaces/default/configmaps?watch=1&resourceVersion={rv}&allowWatchBookmarks=true&timeoutSeconds=30");
        using var response = await c.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        await SendAsync(c, HttpMethod.Post, "api/v1/namespaces/default/configmaps", ApiServerHarness.Json(ConfigMap("watched")));
        await SendAsync(c, HttpMethod.Delete, "api/v1/namespaces/default/configmaps/watched");
        var types = new List<string>();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!types.Contains("BOOKMARK") || !types.Contains("DELETED"))
        {
            var line = await reader.ReadLineAsync(cts.Token) ?? throw new InvalidOperationException("watch ended early");
            var e = JsonNode.Parse(line)!;
            types.Add(e["type"]!.GetValue<string>());
            if (e["type"]!.GetValue<string>() == "ADDED")
            {
                Assert.Equal("watched", e["object"]!["metadata"]!["name"]!.GetValue<string>());
            }
        }

        Assert.Equal(["ADDED", "DELETED"], types.Where(t => t != "BOOKMARK").ToList());
    }

    [Fact]
    public async Task WatchWithFieldSelector_PodBoundLaterAndRelabelled_SeesAddedThenDeleted()
    {
        await using var h = await ApiServerHarness.StartAsync();
        var c = h.Client();
        var pod = JsonNode.Parse("""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","labels":{"keep":"yes"}},"spec":{"containers":[{"name":"c","image":"busybox"}]}}""")!;
        var (_, created) = await SendAsync(c, HttpMethod.Post, "api/v1/namespaces/default/pods", ApiServerHarness.Json(pod));
        var rv = created["metadata"]!["resourceVersion"]!.GetValue<string>();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/v1/pods?watch=1&resourceVersion={rv}&fieldSelector=spec.nodeName%3Dedge-1&labelSelector=keep%3Dyes&timeoutSeconds=30");
        using var response = await c.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var binding = JsonNode.Parse("""{"apiVersion":"v1","kind":"Binding","metadata":{"name":"p"},"target":{"kind":"Node","name":"edge-1"}}""")!;
        await SendAsync(c, HttpMethod.Post, "api/v1/namespaces/default/pods/p/binding", ApiServerHarness.Json(binding));
        var relabel = new JsonObject { ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["keep"] = "no" } } };
        await SendAsync(c, HttpMethod.Patch, "api/v1/namespaces/default/pods/p", ApiServerHarness.Json(relabel, "application/merge-patch+json"));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var first = JsonNode.Parse(await reader.ReadLineAsync(cts.Token) ?? string.Empty)!;
        var second = JsonNode.Parse(await reader.ReadLineAsync(cts.Token) ?? string.Empty)!;
        Assert.Equal("ADDED", first["type"]!.GetValue<string>());
        Assert.Equal("edge-1", first["object"]!["spec"]!["nodeName"]!.GetValue<string>());
        Assert.Equal("DELETED", second["type"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("{bad json", "application/json", 400)]
    [InlineData("a: [unclosed", "application/yaml", 400)]
    [InlineData("""{"apiVersion":"v1","kind":"Secret","metadata":{"name":"x"}}""", "application/json", 400)]
    [InlineData("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"Bad_Name"}}""", "application/json", 422)]
    [InlineData("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x"},"data":{"k":5}}""", "application/json", 422)]
    [InlineData("[1,2]", "application/json", 400)]
    [InlineData("apiVersion: v1\nkind: Pod\nmetadata: {name: x}\n", "application/yaml", 400)]
    public async Task BadInput_GetsKubernetesStatus_AndServerKeepsServing(string body, string mediaType, int expected)
    {
        await using var h = await ApiServerHarness.StartAsync();
        var c = h.Client();
        var (code, status) = await SendAsync(c, HttpMethod.Post, "api/v1/namespaces/default/configmaps", new StringContent(body, Encoding.UTF8, mediaType));
        Assert.Equal(expected, (int)code);
        Assert.Equal("Status", status["kind"]!.GetValue<string>());
        Assert.Equal("Failure", status["status"]!.GetValue<string>());
        Assert.Equal(expected, status["code"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(c, HttpMethod.Get, "version")).Code);
    }

    [Fact]
    public async Task DeeplyNestedBodies_Get400_AndServerKeepsServing()
    {
        await using var h = await ApiServerHarness.StartAsync();
        var c = h.Client();
        var yaml = "a: " + new string('[', 100_000) + new string(']', 100_000);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(c, HttpMethod.Post, "api/v1/namespaces/default/configmaps", new StringContent(yaml, Encoding.UTF8, "application/yaml"))).Code);
        var json = "{\"a\":" + new string('[', 100_000) + new string(']', 100_000) + "}";
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(c, HttpMethod.Post, "api/v1/namespaces/default/configmaps", new StringContent(json, Encoding.UTF8, "application/json"))).Code);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(c, HttpMethod.Get, "version")).Code);
    }

    [Fact]
    public async Task OversizedBody_Gets413_AndServerKeepsServing()
    {
        await using var h = await ApiServerHarness.StartAsync(o => o with { MaxBodyBytes = 64 * 1024 });
        var c = h.Client();
        var big = ConfigMap("big", new string('x', 100 * 1024));
        var (code, status) = await SendAsync(c, HttpMethod.Post, "api/v1/namespaces/default/configmaps", ApiServerHarness.Json(big));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, code);
        Assert.Equal("RequestEntityTooLarge", status["reason"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Created, (await SendAsync(c, HttpMethod.Post, "api/v1/namespaces/default/configmaps", ApiServerHarness.Json(ConfigMap("small")))).Code);
    }

    [Fact]
    public async Task Delete_WithFinalizer_WaitsUntilFinalizerRemoved()
    {
        await using var h = await ApiServerHarness.StartAsync();
        var c = h.Client();
        var cm = ConfigMap("fin");
        cm["metadata"]!["finalizers"] = new JsonArray("example.com/hold");
        await SendAsync(c, HttpMethod.Post, "api/v1/namespaces/default/configmaps", ApiServerHarness.Json(cm));
        var (code, deleting) = await SendAsync(c, HttpMethod.Delete, "api/v1/namespaces/default/configmaps/fin");
        Assert.Equal(HttpStatusCode.OK, code);
        Assert.NotNull(deleting["metadata"]!["deletionTimestamp"]);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(c, HttpMethod.Get, "api/v1/namespaces/default/configmaps/fin")).Code);
        var patch = new JsonObject { ["metadata"] = new JsonObject { ["finalizers"] = null } };
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(c, HttpMethod.Patch, "api/v1/namespaces/default/configmaps/fin",
            ApiServerHarness.Json(patch, "application/merge-patch+json"))).Code);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(c, HttpMethod.Get, "api/v1/namespaces/default/configmaps/fin")).Code);
    }

    [Fact]
    public async Task NamespaceDelete_CascadesToItsObjects()
    {
        await using var h = await ApiServerHarness.StartAsync();
        var c = h.Client();
        var ns = new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = "team" } };
        Assert.Equal(HttpStatusCode.Created, (await SendAsync(c, HttpMethod.Post, "api/v1/namespaces", ApiServerHarness.Json(ns))).Code);
        await SendAsync(c, HttpMethod.Post, "api/v1/namespaces/team/configmaps", ApiServerHarness.Json(ConfigMap("a")));
        var held = ConfigMap("held");
        held["metadata"]!["finalizers"] = new JsonArray("example.com/hold");
        await SendAsync(c, HttpMethod.Post, "api/v1/namespaces/team/configmaps", ApiServerHarness.Json(held));

        var (_, terminating) = await SendAsync(c, HttpMethod.Delete, "api/v1/namespaces/team");
        Assert.Equal("Terminating", terminating["status"]!["phase"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(c, HttpMethod.Get, "api/v1/namespaces/team/configmaps/a")).Code);
        var (refused, _) = await SendAsync(c, HttpMethod.Post, "api/v1/namespaces/team/configmaps", ApiServerHarness.Json(ConfigMap("new")));
        Assert.Equal(HttpStatusCode.Forbidden, refused);

        var patch = new JsonObject { ["metadata"] = new JsonObject { ["finalizers"] = null } };
        await SendAsync(c, HttpMethod.Patch, "api/v1/namespaces/team/configmaps/held", ApiServerHarness.Json(patch, "application/merge-patch+json"));
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(c, HttpMethod.Get, "api/v1/namespaces/team")).Code);
    }

    [Fact]
    public async Task List_WithSelectorsAndPagination_ReturnsMatchingPages()
    {
        await using var h = await ApiServerHarness.StartAsync();
        var c = h.Client();
        for (var i = 0; i < 7; i++)
        {
            var cm = ConfigMap(string.Empty);
            cm["metadata"] = new JsonObject { ["generateName"] = "gen-", ["labels"] = new JsonObject { ["parity"] = i % 2 == 0 ? "even" : "odd" } };
            var (code, created) = await SendAsync(c, HttpMethod.Post, "api/v1/namespaces/default/configmaps", ApiServerHarness.Json(cm));
            Assert.Equal(HttpStatusCode.Created, code);
            Assert.StartsWith("gen-", created["metadata"]!["name"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        var names = new List<string>();
        string? token = null;
        do
        {
            var url = "api/v1/namespaces/default/configmaps?labelSelector=parity%3Deven&limit=2" + (token is null ? string.Empty : "&continue=" + Uri.EscapeDataString(token));
            var (_, page) = await SendAsync(c, HttpMethod.Get, url);
            Assert.True(page["items"]!.AsArray().Count <= 2);
            names.AddRange(page["items"]!.AsArray().Select(i => i!["metadata"]!["name"]!.GetValue<string>()));
            token = page["metadata"]!["continue"]?.GetValue<string>();
        }
        while (token is not null);

        Assert.Equal(4, names.Distinct().Count());
        var (_, notIn) = await SendAsync(c, HttpMethod.Get, "api/v1/namespaces/default/configmaps?labelSelector=parity%20notin%20(even),!missing");
        Assert.Equal(3, notIn["items"]!.AsArray().Count);
        var (_, byName) = await SendAsync(c, HttpMethod.Get, $"api/v1/configmaps?fieldSelector=metadata.name%3D{names[0]},metadata.namespace%3Ddefault");
        Assert.Single(byName["items"]!.AsArray());
    }

    [Fact]
    public async Task AggregatedDiscovery_WhenAsked_AnswersApiGroupDiscoveryList()
    {
        await using var h = await ApiServerHarness.StartAsync();
        var c = h.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "apis");
        request.Headers.TryAddWithoutValidation("Accept", "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;q=0.9");
        using var response = await c.SendAsync(request);
        Assert.Contains("as=APIGroupDiscoveryList", response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("APIGroupDiscoveryList", body["kind"]!.GetValue<string>());
        Assert.Contains(body["items"]!.AsArray(), g => g!["metadata"]!["name"]!.GetValue<string>() == "devices.kubeedge.io");
    }

    [Fact]
    public async Task PodBinding_SetsNodeNameOnce()
    {
        await using var h = await ApiServerHarness.StartAsync();
        var c = h.Client();
        var pod = JsonNode.Parse("""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[{"name":"c","image":"busybox"}]}}""")!;
        await SendAsync(c, HttpMethod.Post, "api/v1/namespaces/default/pods", ApiServerHarness.Json(pod));
        var binding = JsonNode.Parse("""{"apiVersion":"v1","kind":"Binding","metadata":{"name":"p"},"target":{"kind":"Node","name":"edge-1"}}""")!;
        Assert.Equal(HttpStatusCode.Created, (await SendAsync(c, HttpMethod.Post, "api/v1/namespaces/default/pods/p/binding", ApiServerHarness.Json(binding))).Code);
        var (_, bound) = await SendAsync(c, HttpMethod.Get, "api/v1/pods?fieldSelector=spec.nodeName%3Dedge-1");
        Assert.Single(bound["items"]!.AsArray());
        Assert.Equal(HttpStatusCode.Conflict, (await SendAsync(c, HttpMethod.Post, "api/v1/namespaces/default/pods/p/binding", ApiServerHarness.Json(binding))).Code);
    }
}
