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
}
