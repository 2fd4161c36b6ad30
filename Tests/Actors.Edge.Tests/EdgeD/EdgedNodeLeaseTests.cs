using System.Text.Json;
using Actors.Edge.Modules.EdgeD.Status;
using Actors.Edge.Tests.EdgeD.Support;
using Actors.Messages.Routing;

namespace Actors.Edge.Tests.EdgeD;

/// <summary>EdgeD renews the node lease through MetaManager every quarter of its duration.</summary>
public sealed class EdgedNodeLeaseTests : TestKit.TestKit
{
    [Fact]
    public async Task NodeLease_Enabled_RenewedWithNewerRenewTimes()
    {
        using var edged = new EdgedHarness(Sys, TimeProvider.System, s => s with { NodeLeaseDuration = TimeSpan.FromSeconds(2) });

        var renewals = await edged.Meta.WaitAsync(
            r => r.Snapshot().Where(e => e.Route.Operation == Operations.Update && e.Route.Resource == "kube-node-lease/lease/edge-test-node").ToList() is { Count: >= 2 } l ? l : null,
            TimeSpan.FromSeconds(20), "two lease renewals");

        var times = renewals.Take(2).Select(e =>
        {
            var spec = e.Content.ToElement().GetProperty("spec");
            Assert.Equal("edge-test-node", spec.GetProperty("holderIdentity").GetString());
            Assert.Equal(2, spec.GetProperty("leaseDurationSeconds").GetInt32());
            return DateTimeOffset.Parse(spec.GetProperty("renewTime").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        }).ToList();
        Assert.True(times[1] > times[0], "the second renewal does not carry a newer renewTime");
    }

    [Fact]
    public void Lease_Json_MicroTimeAndKubeNodeLeaseNamespace()
    {
        var lease = NodeLeaseActor.Lease("n1", TimeSpan.FromSeconds(40), new DateTimeOffset(2026, 11, 22, 10, 0, 0, 123, TimeSpan.Zero));

        Assert.Equal("kube-node-lease", lease["metadata"]!["namespace"]!.GetValue<string>());
        Assert.Equal("2026-11-22T10:00:00.123000Z", lease["spec"]!["renewTime"]!.GetValue<string>());
        Assert.Equal(JsonValueKind.Number, JsonDocument.Parse(lease.ToJsonString()).RootElement.GetProperty("spec").GetProperty("leaseDurationSeconds").ValueKind);
    }
}
