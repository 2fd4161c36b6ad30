using Actors.Cloud.Kubernetes.Client;
using Actors.Cloud.Modules.EdgeController;
using Actors.Cloud.Tests.ApiServer;

namespace Actors.Cloud.Tests.EdgeController;

public sealed class ApiClientSourceTests
{
    [Fact]
    public async Task GetAsync_KubeconfigWrittenLater_CompletesOnceServerAnswers()
    {
        var dataDir = Directory.CreateTempSubdirectory("api-source-").FullName;
        using var source = new ApiClientSource(Path.Combine(dataDir, "kubeconfig"), new KubernetesClientOptions { Qps = 0 });
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var pending = source.GetAsync(cts.Token);
        Assert.False(pending.IsCompleted);

        await using var api = await ApiServerHarness.StartAsync(dataDir: dataDir);
        var client = await pending;

        Assert.Equal(api.Server.BaseUrl.Port, client.Configuration.Server.Port);
        Assert.Same(client, await source.GetAsync(cts.Token));
    }

    [Fact]
    public async Task GetAsync_CallerCancels_StopsWaiting()
    {
        using var source = new ApiClientSource(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "kubeconfig"));
        using var cts = new CancellationTokenSource();
        var pending = source.GetAsync(cts.Token);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
    }

    [Theory]
    [InlineData("", "on", "<data-dir>/kubeconfig")]
    [InlineData("", "off", ApiClientSource.InCluster)]
    [InlineData("/etc/k/config", "on", "/etc/k/config")]
    public void ControllerApi_ApiSource_PicksKubeconfigEmbeddedOrInCluster(string kubeconfig, string embedded, string expected)
    {
        var overrides = new List<KeyValuePair<string, string>> { new("cloudcore.modules.apiserver.enable", embedded), new("cloudcore.data-dir", "/d") };
        if (kubeconfig.Length > 0)
        {
            overrides.Add(new("cloudcore.kubeconfig", kubeconfig));
        }

        var config = new Kernel.Configuration.ConfigLoader(Actors.Cloud.Host.CloudHost.Create().Reference, _ => null, () => [])
            .Load(new Kernel.Configuration.ConfigArguments(null, overrides, []));

        using var source = Actors.Cloud.Host.CloudModules.ControllerApi(config);
        Assert.Equal(expected.Replace("<data-dir>", "/d", StringComparison.Ordinal), source.KubeconfigPath);
    }

    [Fact]
    public async Task GetAsync_InClusterOutsideACluster_KeepsWaitingUntilCancelled()
    {
        Assert.Null(Environment.GetEnvironmentVariable("KUBERNETES_SERVICE_HOST"));
        using var source = new ApiClientSource(ApiClientSource.InCluster);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => source.GetAsync(cts.Token));
    }
}
