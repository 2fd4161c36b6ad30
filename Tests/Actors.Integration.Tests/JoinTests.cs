using Actors.Integration.Tests.Support;

namespace Actors.Integration.Tests;

/// <summary>An edge node joins a real cloudcore with a token and holds a mutual-TLS session.</summary>
public sealed class JoinTests : IDisposable
{
    private readonly TempConfig _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Join_TokenFromCloudcore_EdgeConnectsOverMutualTlsAndNodeBecomesReady()
    {
        using var cloud = await CloudCoreHost.StartAsync(Path.Combine(_dir.Dir, "cloud"));
        using var edge = await EdgeCoreHost.JoinAndStartAsync(cloud, Path.Combine(_dir.Dir, "edge"), "edge-join-1");

        await cloud.Process.WaitForLineAsync(l => l.Contains("node edge-join-1 connected", StringComparison.Ordinal), CloudCoreHost.Deadline);
        Assert.True(File.Exists(Path.Combine(_dir.Dir, "edge", "certs", "server.crt")));
        var ready = string.Empty;
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (ready != "True")
        {
            Assert.False(deadline.IsCancellationRequested, "node edge-join-1 did not become Ready in kubectl within 90 s (last: '" + ready + "')");
            var (_, stdout, _) = await cloud.KubectlAsync("get", "node", "edge-join-1", "-o", "jsonpath={.status.conditions[?(@.type==\"Ready\")].status}");
            ready = stdout.Trim();
            if (ready != "True")
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), deadline.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }

        var (_, labels, _) = await cloud.KubectlAsync("get", "node", "edge-join-1", "-o", "jsonpath={.metadata.labels}");
        Assert.Contains("node-role.kubernetes.io/edge", labels, StringComparison.Ordinal);

        Assert.Equal(0, await edge.StopAsync());
        Assert.Equal(0, await cloud.StopAsync());
    }
}
