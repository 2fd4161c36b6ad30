using System.Text.Json;
using System.Text.Json.Nodes;
using Actors.Cloud.Kubernetes.Client;
using Actors.Cloud.Kubernetes.Models;
using Actors.Cloud.Kubernetes.Patch;
using Actors.Cloud.Tests.Kubernetes.Support;

namespace Actors.Cloud.Tests.Kubernetes.Client;

public sealed class ResourceClientTests
{
    [Fact]
    public async Task Get_Pod_DecodesModelAndSendsJsonAccept()
    {
        await using var server = await ScriptedApiServer.StartAsync((_, response, _) =>
            ScriptedApiServer.WriteJsonAsync(response, 200, K8sJson.Pod("default", "web", "42", node: "edge-1")));
        using var client = server.CreateClient();

        var pod = await client.Resource(KnownResources.Pods).GetAsync("default", "web");

        Assert.Equal("web", pod.Metadata.Name);
        Assert.Equal("42", pod.Metadata.ResourceVersion);
        Assert.Equal("edge-1", pod.Spec!.NodeName);
        var request = server.Requests.Single();
        Assert.Equal("GET", request.Method);
        Assert.Equal("/api/v1/namespaces/default/pods/web", request.Path);
        Assert.Contains("application/json", request.Headers.Accept.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_UnknownFields_SurviveReadModifyWrite()
    {
        const string stored = "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"web\",\"namespace\":\"default\","
            + "\"resourceVersion\":\"3\",\"managedFields\":[{\"manager\":\"kubectl\"}]},"
            + "\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"a\",\"futureField\":{\"x\":1}}],\"overhead\":{\"cpu\":\"10m\"}},"
            + "\"status\":{\"phase\":\"Running\",\"resize\":\"Proposed\"}}";
        await using var server = await ScriptedApiServer.StartAsync((request, response, _) =>
            ScriptedApiServer.WriteJsonAsync(response, 200, request.Method == "GET" ? stored : request.BodyText));
        using var client = server.CreateClient();
        var pods = client.Resource(KnownResources.Pods);

        var pod = await pods.GetAsync("default", "web");
        pod.Metadata.Labels = new() { ["app"] = "web" };
        await pods.UpdateAsync(pod);

        var sent = JsonNode.Parse(server.Requests.Last().BodyText)!;
        Assert.Equal("kubectl", sent["metadata"]!["managedFields"]![0]!["manager"]!.GetValue<string>());
        Assert.Equal(1, sent["spec"]!["containers"]![0]!["futureField"]!["x"]!.GetValue<int>());
        Assert.Equal("10m", sent["spec"]!["overhead"]!["cpu"]!.GetValue<string>());
        Assert.Equal("Proposed", sent["status"]!["resize"]!.GetValue<string>());
        Assert.Equal("web", sent["metadata"]!["labels"]!["app"]!.GetValue<string>());
        Assert.Equal("3", sent["metadata"]!["resourceVersion"]!.GetValue<string>());
    }

    [Fact]
    public async Task ListAll_ContinueTokens_FollowsEveryPageWithoutRepeatingResourceVersion()
    {
        await using var server = await ScriptedApiServer.StartAsync((request, response, _) =>
        {
            var page = request.QueryValue("continue") switch
            {
                null => K8sJson.PodList("100", [K8sJson.Pod("a", "p1", "10"), K8sJson.Pod("a", "p2", "11")], "tok-1"),
                "tok-1" => K8sJson.PodList("100", [K8sJson.Pod("a", "p3", "12"), K8sJson.Pod("b", "p4", "13")], "tok/2+="),
                "tok/2+=" => K8sJson.PodList("100", [K8sJson.Pod("b", "p5", "14")]),
                var other => throw new InvalidOperationException("unexpected continue " + other),
            };
            return ScriptedApiServer.WriteJsonAsync(response, 200, page);
        });
        using var client = server.CreateClient();

        var all = await client.Resource(KnownResources.Pods).ListAllAsync(null, new ListOptions { Limit = 2, ResourceVersion = "0" });

        Assert.Equal(["p1", "p2", "p3", "p4", "p5"], all.Items.Select(p => p.Metadata.Name));
        Assert.Equal("100", all.ResourceVersion);
        var requests = server.Requests.ToArray();
        Assert.Equal(3, requests.Length);
        Assert.All(requests, r => Assert.Equal("/api/v1/pods", r.Path));
        Assert.All(requests, r => Assert.Equal("2", r.QueryValue("limit")));
        Assert.Equal("0", requests[0].QueryValue("resourceVersion"));
        Assert.Null(requests[1].QueryValue("resourceVersion"));
        Assert.Contains("continue=tok%2F2%2B%3D", requests[2].RawQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_Selectors_AreEncodedAndDecodeToTheOriginal()
    {
        await using var server = await ScriptedApiServer.StartAsync((_, response, _) =>
            ScriptedApiServer.WriteJsonAsync(response, 200, K8sJson.PodList("1", [])));
        using var client = server.CreateClient();
        const string labels = "app=web,tier in (a,b),!canary";
        const string fields = "spec.nodeName=edge-1,status.phase!=Succeeded";

        await client.Resource(KnownResources.Pods).ListAsync("default", new ListOptions { LabelSelector = labels, FieldSelector = fields });

        var request = server.Requests.Single();
        Assert.Equal(labels, request.QueryValue("labelSelector"));
        Assert.Equal(fields, request.QueryValue("fieldSelector"));
        Assert.Contains("labelSelector=app%3Dweb%2Ctier%20in%20%28a%2Cb%29%2C%21canary", request.RawQuery, StringComparison.Ordinal);
        Assert.Equal("/api/v1/namespaces/default/pods", request.Path);
    }

    [Theory]
    [InlineData(PatchType.Merge, "application/merge-patch+json")]
    [InlineData(PatchType.StrategicMerge, "application/strategic-merge-patch+json")]
    [InlineData(PatchType.Json, "application/json-patch+json")]
    public async Task Patch_EachType_SendsItsContentType(PatchType type, string contentType)
    {
        await using var server = await ScriptedApiServer.StartAsync((_, response, _) =>
            ScriptedApiServer.WriteJsonAsync(response, 200, K8sJson.Pod("default", "web", "9")));
        using var client = server.CreateClient();
        var patch = type == PatchType.Json
            ? KubernetesPatch.Json(new JsonPatchBuilder().Add(JsonPatchBuilder.Pointer("metadata", "labels", "node-role.kubernetes.io/edge"), ""))
            : new KubernetesPatch(type, """{"metadata":{"labels":{"a":"b"}}}"""u8.ToArray());

        await client.Resource(KnownResources.Pods).PatchAsync("default", "web", patch);

        var request = server.Requests.Single();
        Assert.Equal("PATCH", request.Method);
        Assert.Equal(contentType, request.ContentType);
        Assert.Equal(patch.Body, request.Body);
        if (type == PatchType.Json)
        {
            Assert.Contains("/metadata/labels/node-role.kubernetes.io~1edge", request.BodyText, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task PatchStatus_Node_GoesToStatusSubresource()
    {
        await using var server = await ScriptedApiServer.StartAsync((_, response, _) =>
            ScriptedApiServer.WriteJsonAsync(response, 200, "{\"kind\":\"Node\",\"metadata\":{\"name\":\"edge-1\"}}"));
        using var client = server.CreateClient();

        var node = await client.Resource(KnownResources.Nodes).PatchStatusAsync(null, "edge-1",
            KubernetesPatch.StrategicMerge(new JsonObject { ["status"] = new JsonObject { ["phase"] = "Running" } }));

        Assert.Equal("edge-1", node.Metadata.Name);
        Assert.Equal("/api/v1/nodes/edge-1/status", server.Requests.Single().Path);
    }

    [Fact]
    public async Task UpdateStatus_Device_PutsToCrdStatusSubresource()
    {
        await using var server = await ScriptedApiServer.StartAsync((request, response, _) =>
            ScriptedApiServer.WriteJsonAsync(response, 200, request.BodyText));
        using var client = server.CreateClient();
        var device = new Device
        {
            ApiVersion = "devices.kubeedge.io/v1beta1",
            Kind = "Device",
            Metadata = new ObjectMeta { Name = "thermo", Namespace = "default", ResourceVersion = "4" },
            Status = new DeviceStatus { Twins = [new DeviceTwin { PropertyName = "temp", Reported = new TwinProperty { Value = "21" } }] },
        };

        var updated = await client.Resource(KnownResources.Devices).UpdateStatusAsync(device);

        Assert.Equal("/apis/devices.kubeedge.io/v1beta1/namespaces/default/devices/thermo/status", server.Requests.Single().Path);
        Assert.Equal("21", updated.Status!.Twins![0].Reported!.Value);
    }

    [Fact]
    public async Task Delete_WithPreconditionsAndPolicy_SendsDeleteOptionsAndReturnsNullForStatus()
    {
        await using var server = await ScriptedApiServer.StartAsync((_, response, _) =>
            ScriptedApiServer.WriteJsonAsync(response, 200, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Success\",\"code\":200}"));
        using var client = server.CreateClient();

        var result = await client.Resource(KnownResources.ConfigMaps).DeleteAsync("kube-system", "cfg", new DeleteOptions
        {
            PropagationPolicy = "Foreground",
            Preconditions = new Preconditions { Uid = "u-1", ResourceVersion = "77" },
        });

        Assert.Null(result);
        var request = server.Requests.Single();
        Assert.Equal("DELETE", request.Method);
        Assert.Equal("/api/v1/namespaces/kube-system/configmaps/cfg", request.Path);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("Foreground", body.RootElement.GetProperty("propagationPolicy").GetString());
        Assert.Equal("u-1", body.RootElement.GetProperty("preconditions").GetProperty("uid").GetString());
        Assert.Equal("77", body.RootElement.GetProperty("preconditions").GetProperty("resourceVersion").GetString());
    }

    [Fact]
    public async Task Delete_ObjectWithFinalizers_ReturnsTheObject()
    {
        await using var server = await ScriptedApiServer.StartAsync((_, response, _) => ScriptedApiServer.WriteJsonAsync(response, 200,
            "{\"kind\":\"Pod\",\"metadata\":{\"name\":\"web\",\"namespace\":\"d\",\"deletionTimestamp\":\"2026-01-01T00:00:05Z\",\"finalizers\":[\"x/y\"]}}"));
        using var client = server.CreateClient();

        var pod = await client.Resource(KnownResources.Pods).DeleteAsync("d", "web");

        Assert.NotNull(pod);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 5, TimeSpan.Zero), pod.Metadata.DeletionTimestamp);
        Assert.Equal(["x/y"], pod.Metadata.Finalizers!);
    }

    [Fact]
    public async Task Generic_CustomResource_RoundTripsEveryField()
    {
        const string rule = "{\"apiVersion\":\"rules.kubeedge.io/v1\",\"kind\":\"Rule\",\"metadata\":{\"name\":\"r1\",\"namespace\":\"default\","
            + "\"resourceVersion\":\"5\"},\"spec\":{\"source\":\"rest\",\"sourceResource\":{\"path\":\"/a\"},\"target\":\"eventbus\","
            + "\"targetResource\":{\"topic\":\"t\"},\"extra\":[1,2]}}";
        await using var server = await ScriptedApiServer.StartAsync((request, response, _) =>
            ScriptedApiServer.WriteJsonAsync(response, 200, request.Method == "GET" ? rule : request.BodyText));
        using var client = server.CreateClient();
        var rules = client.Resource(KnownResources.Generic(new GroupVersionResource("rules.kubeedge.io", "v1", "rules"), "Rule", true));

        var obj = await rules.GetAsync("default", "r1");
        obj["spec"]!["target"] = "rest";
        var updated = await rules.UpdateAsync(obj);

        Assert.Equal("/apis/rules.kubeedge.io/v1/namespaces/default/rules/r1", server.Requests.Last().Path);
        Assert.Equal("rest", updated["spec"]!["target"]!.GetValue<string>());
        Assert.Equal(2, updated["spec"]!["extra"]![1]!.GetValue<int>());
        Assert.Equal("/a", updated["spec"]!["sourceResource"]!["path"]!.GetValue<string>());
    }

    [Fact]
    public async Task ItemPath_NamespacedWithoutNamespace_ThrowsArgumentException()
    {
        await using var server = await ScriptedApiServer.StartAsync((_, response, _) => ScriptedApiServer.WriteJsonAsync(response, 200, "{}"));
        using var client = server.CreateClient();

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.Resource(KnownResources.Pods).GetAsync(null, "web"));

        Assert.Contains("namespaced", ex.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task CreateToken_ServiceAccount_PostsTokenRequestToSubresource()
    {
        await using var server = await ScriptedApiServer.StartAsync((_, response, _) => ScriptedApiServer.WriteJsonAsync(response, 201,
            "{\"apiVersion\":\"authentication.k8s.io/v1\",\"kind\":\"TokenRequest\",\"spec\":{\"audiences\":[\"api\"]},"
            + "\"status\":{\"token\":\"eyJ.x.y\",\"expirationTimestamp\":\"2026-01-01T01:00:00Z\"}}"));
        using var client = server.CreateClient();

        var token = await client.Resource(KnownResources.ServiceAccounts).CreateTokenAsync("default", "app",
            new TokenRequest { Spec = new TokenRequestSpec { Audiences = ["api"], ExpirationSeconds = 3600 } });

        Assert.Equal("eyJ.x.y", token.Status!.Token);
        var request = server.Requests.Single();
        Assert.Equal(("POST", "/api/v1/namespaces/default/serviceaccounts/app/token"), (request.Method, request.Path));
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("TokenRequest", body.RootElement.GetProperty("kind").GetString());
        Assert.Equal(3600, body.RootElement.GetProperty("spec").GetProperty("expirationSeconds").GetInt64());
    }
}
