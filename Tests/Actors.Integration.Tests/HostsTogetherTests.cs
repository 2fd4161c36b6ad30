using System.Net;
using Actors.Integration.Tests.Support;

namespace Actors.Integration.Tests;

/// <summary>cloudcore and edgecore as real processes on this machine, as the quickstart runs them.</summary>
public sealed class HostsTogetherTests : IDisposable
{
    private readonly TempConfig _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task BothHosts_DefaultConfig_HealthyAndApiServesKubeEdgeCrds()
    {
        using var cloud = await CloudCoreHost.StartAsync(Path.Combine(_dir.Dir, "cloud"));
        using var edge = await EdgeCoreHost.StartAsync(Path.Combine(_dir.Dir, "edge"), "edge-node-1");

        Assert.Equal(HttpStatusCode.OK, await cloud.GetStatusAsync("/healthz"));
        Assert.Equal(HttpStatusCode.OK, (await edge.GetAsync("/healthz")).Status);
        var crds = await cloud.KubectlAsync("get", "crd", "-o", "name");
        Assert.Equal(0, crds.Exit);
        Assert.Contains("customresourcedefinition.apiextensions.k8s.io/devices.devices.kubeedge.io", crds.StdOut, StringComparison.Ordinal);

        Assert.Equal(0, await edge.StopAsync());
        Assert.Equal(0, await cloud.StopAsync());
    }
}
