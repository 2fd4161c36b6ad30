using System.Globalization;
using System.Text.Json.Nodes;
using Actors.Kernel.Actor;
using Actors.Kernel.Modules;
using Actors.Messages.Bus;
using Actors.Messages.EdgeD;
using Actors.Messages.Routing;
using Actors.Messages.Wire;

namespace Actors.Edge.Modules.EdgeD.Status;

/// <summary>
/// Renews the node's lease (<c>kube-node-lease/lease/&lt;node&gt;</c>, coordination.k8s.io/v1) every quarter of its
/// duration, as the kubelet does, through MetaManager (stored locally, forwarded while the cloud is reachable). The
/// node lifecycle controller of a real cluster reads the lease as the node's heartbeat.
/// </summary>
internal sealed class NodeLeaseActor : ReceiveActor, IWithTimers
{
    private readonly ModuleBus _bus;
    private readonly EdgedSettings _settings;
    private readonly TimeProvider _time;

    public NodeLeaseActor(ModuleBus bus, EdgedSettings settings, TimeProvider time)
    {
        (_bus, _settings, _time) = (bus, settings, time);
        Receive<Renew>(_ => RenewLease());
    }

    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>The lease object as the kubelet writes it (renewTime in MicroTime form).</summary>
    public static JsonObject Lease(string node, TimeSpan duration, DateTimeOffset now) => new()
    {
        ["apiVersion"] = "coordination.k8s.io/v1",
        ["kind"] = "Lease",
        ["metadata"] = new JsonObject { ["name"] = node, ["namespace"] = EdgeDTranslator.LeaseNamespace },
        ["spec"] = new JsonObject
        {
            ["holderIdentity"] = node,
            ["leaseDurationSeconds"] = (int)duration.TotalSeconds,
            ["renewTime"] = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
        },
    };

    protected override void PreStart()
    {
        Self.Tell(Renew.Instance, Self);
        Timers.StartPeriodicTimer("lease", Renew.Instance, _settings.NodeLeaseDuration / 4);
    }

    private void RenewLease()
    {
        var lease = Lease(_settings.NodeName, _settings.NodeLeaseDuration, _time.GetUtcNow());
        var update = new LeaseUpdate(_settings.NodeName, MessageContent.FromJson(System.Text.Encoding.UTF8.GetBytes(lease.ToJsonString())));
        _bus.Send(ModuleNames.MetaManager, new BusMessage(EdgeDTranslator.ToEnvelope(update, MessageHeader.New(_time))));
    }

    private sealed record Renew
    {
        public static readonly Renew Instance = new();
    }
}
