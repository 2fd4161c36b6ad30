using Actors.Integration.Tests.Support;

namespace Actors.Integration.Tests;

/// <summary>An edge node joins a real cloudcore with a token and holds a mutual-TLS session.</summary>
public sealed class JoinTests : IDisposable
{
    private readonly TempConfig _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Join_TokenFromCloudcore_EdgeConnectsOverMutualTls()
    {
        using var cloud = await CloudCoreHost.StartAsync(Path.Combine(_dir.Dir, "cloud"));
        using var edge = await EdgeCoreHost.JoinAndStartAsync(cloud, Path.Combine(_dir.Dir, "edge"), "edge-join-1");

        await cloud.Process.WaitForLineAsync(l => l.Contains("node edge-join-1 connected", StringComparison.Ordinal), CloudCoreHost.Deadline);
        Assert.True(File.Exists(Path.Combine(_dir.Dir, "edge", "certs", "server.crt")));

        Assert.Equal(0, await edge.StopAsync());
        Assert.Equal(0, await cloud.StopAsync());
    }
}
