using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Actors.Messages.Routing;

namespace Actors.Edge.Tests.MetaManager.Module;

/// <summary>MetaServer: Kubernetes-form get/list/watch from the local store, with HttpClient and the real kubectl.</summary>
public sealed class MetaServerTests : MetaManagerTestBase
{
    private const string Kubectl = "/usr/bin/kubectl";

    private async Task<HttpClient> StartWithServer()
    {
        Start(metaServer: new IPEndPoint(IPAddress.Loopback, 0));
        var url = await MetaServerUrl.Task.WaitAsync(Long);
        return new HttpClient { BaseAddress = url, Timeout = Long };
    }

    private void Store(string name, string uid, string rv) => Put(Operations.Insert, name, Pod(name, uid, rv: rv));

    /// <summary>A cloud message for default/pod/<paramref name="name"/>, awaited until MetaManager has answered it.</summary>
    private void Put(string operation, string name, string json)
    {
        var message = Cloud(operation, $"default/pod/{name}", json);
        FromCloud(message);
        ExpectAnswerToCloud(message);
    }

    [Fact]
    public async Task GetAndList_StoredPods_KubernetesJsonWithListResourceVersion()
    {
        using var http = await StartWithServer();
        Store("a", "ua", "5");
        Store("b", "ub", "9");
        using var list = JsonDocument.Parse(await http.GetStringAsync("api/v1/namespaces/default/pods"));
        Assert.Equal("PodList", list.RootElement.GetProperty("kind").GetString());
        Assert.Equal("9", list.RootElement.GetProperty("metadata").GetProperty("resourceVersion").GetString());
        Assert.Equal(["a", "b"], list.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("metadata").GetProperty("name").GetString()));
        using var one = JsonDocument.Parse(await http.GetStringAsync("api/v1/namespaces/default/pods/b"));
        Assert.Equal("Pod", one.RootElement.GetProperty("kind").GetString());
        Assert.Equal("ub", one.RootElement.GetProperty("metadata").GetProperty("uid").GetString());
        using var missing = await http.GetAsync(new Uri("api/v1/namespaces/default/pods/zz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using var unknown = await http.GetAsync(new Uri("api/v1/namespaces/default/gizmos", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("Status", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watch_StoreChanges_StreamedAsNewlineDelimitedEvents()
    {
        using var http = await StartWithServer();
        Store("a", "ua", "1");
        using var response = await http.GetAsync(new Uri("api/v1/namespaces/default/pods?watch=true", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        using var added = JsonDocument.Parse((await reader.ReadLineAsync().WaitAsync(Long))!);
        Assert.Equal("ADDED", added.RootElement.GetProperty("type").GetString());
        var update = Cloud(Operations.Update, "default/pod/a", Pod("a", "ua", image: "nginx:2", rv: "2"));
        FromCloud(update);
        using var modified = JsonDocument.Parse((await reader.ReadLineAsync().WaitAsync(Long))!);
        Assert.Equal("MODIFIED", modified.RootElement.GetProperty("type").GetString());
        Assert.Equal("2", modified.RootElement.GetProperty("object").GetProperty("metadata").GetProperty("resourceVersion").GetString());
        FromCloud(Cloud(Operations.Delete, "default/pod/a", Pod("a", "ua")));
        using var deleted = JsonDocument.Parse((await reader.ReadLineAsync().WaitAsync(Long))!);
        Assert.Equal("DELETED", deleted.RootElement.GetProperty("type").GetString());
    }

    private static string Labelled(string name, string app, string rv) =>
        $$$"""{"metadata":{"name":"{{{name}}}","namespace":"default","uid":"u-{{{name}}}","resourceVersion":"{{{rv}}}","labels":{"app":"{{{app}}}","generation":"g{{{rv}}}"}},"spec":{"containers":[{"image":"nginx"}]}}""";

    private void StoreLabelled(string name, string app, string rv, string operation = Operations.Insert) => Put(operation, name, Labelled(name, app, rv));

    private static async Task<(string Type, string Name)> NextEventAsync(StreamReader reader)
    {
        using var e = JsonDocument.Parse((await reader.ReadLineAsync().WaitAsync(Long))!);
        return (e.RootElement.GetProperty("type").GetString()!, e.RootElement.GetProperty("object").GetProperty("metadata").GetProperty("name").GetString()!);
    }

    [Fact]
    public async Task List_LabelAndFieldSelectors_OnlyMatchingObjects()
    {
        using var http = await StartWithServer();
        StoreLabelled("a", "web", "1");
        StoreLabelled("b", "web", "2");
        StoreLabelled("c", "db", "3");

        using var list = JsonDocument.Parse(await http.GetStringAsync("api/v1/namespaces/default/pods?labelSelector=app%3Dweb&fieldSelector=metadata.name!%3Db"));

        Assert.Equal(["a"], list.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("metadata").GetProperty("name").GetString()));
        using var bad = await http.GetAsync(new Uri("api/v1/namespaces/default/pods?labelSelector=app%20in%20web", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("invalid label selector", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watch_LabelSelector_ObjectsEnteringAndLeavingAreAddedAndDeleted()
    {
        using var http = await StartWithServer();
        StoreLabelled("a", "web", "1");
        StoreLabelled("b", "db", "2");
        using var response = await http.GetAsync(new Uri("api/v1/namespaces/default/pods?watch=true&labelSelector=app%3Dweb", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        Assert.Equal(("ADDED", "a"), await NextEventAsync(reader));

        StoreLabelled("b", "web", "3", Operations.Update); // starts matching
        Assert.Equal(("ADDED", "b"), await NextEventAsync(reader));
        StoreLabelled("a", "db", "4", Operations.Update); // stops matching
        Assert.Equal(("DELETED", "a"), await NextEventAsync(reader));
        StoreLabelled("c", "db", "5"); // never matches: no event
        StoreLabelled("b", "web", "6", Operations.Update);
        Assert.Equal(("MODIFIED", "b"), await NextEventAsync(reader));
    }

    [Fact]
    public async Task MetaServer_PortTaken_MetaManagerKeepsWorkingAndServerStartsOnceFree()
    {
        var blocker = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        blocker.Start();
        var endpoint = (IPEndPoint)blocker.LocalEndpoint;
        try
        {
            Start(metaServer: endpoint);
            Store("a", "ua", "1"); // the store and the cloud traffic work without the MetaServer
            Assert.False(MetaServerUrl.Task.IsCompleted);
        }
        finally
        {
            blocker.Stop();
        }

        var url = await Task.Run(async () =>
        {
            while (!MetaServerUrl.Task.IsCompleted)
            {
                Time.Advance(TimeSpan.FromSeconds(1)); // the retry timer (1 s, doubling) runs on the manual clock
                await Task.WhenAny(MetaServerUrl.Task, Task.Delay(50));
            }

            return await MetaServerUrl.Task;
        }).WaitAsync(Long);
        Assert.Equal(endpoint.Port, url.Port);
        using var http = new HttpClient { BaseAddress = url, Timeout = Long };
        Assert.Contains("\"a\"", await http.GetStringAsync("api/v1/namespaces/default/pods"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kubectl_GetPodsJson_ListsStoredPods()
    {
        Assert.True(File.Exists(Kubectl), $"{Kubectl} is missing; Tests/setup/30-kubectl.sh requires it");
        using var http = await StartWithServer();
        Store("web", "uw", "3");
        var home = Directory.CreateTempSubdirectory("metaserver-kubectl-").FullName;
        try
        {
            var psi = new ProcessStartInfo(Kubectl)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                Environment = { ["HOME"] = home, ["KUBECONFIG"] = Path.Combine(home, "none") },
            };
            foreach (var arg in new[] { "--server", http.BaseAddress!.ToString().TrimEnd('/'), "--request-timeout=20s", "get", "pods", "-n", "default", "-o", "json" })
            {
                psi.ArgumentList.Add(arg);
            }

            using var process = Process.Start(psi)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(90));
            Assert.True(process.ExitCode == 0, $"kubectl failed: {await stderr}");
            using var doc = JsonDocument.Parse(await stdout);
            Assert.Equal("web", doc.RootElement.GetProperty("items")[0].GetProperty("metadata").GetProperty("name").GetString());
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }
}
