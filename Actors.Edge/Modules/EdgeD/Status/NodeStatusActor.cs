using System.Text.Json.Nodes;
using Actors.Cri.Grpc;
using Actors.Cri.Runtime;
using Actors.Kernel.Actor;
using Actors.Kernel.Event;
using Actors.Kernel.Modules;
using Actors.Messages.Bus;
using Actors.Messages.EdgeD;
using Actors.Messages.Routing;
using Actors.Messages.Wire;
using Microsoft.Extensions.Logging;

namespace Actors.Edge.Modules.EdgeD.Status;

/// <summary>
/// Reports the node's status every period (first report at start-up) as a <see cref="NodeStatusPatch"/>
/// (<c>null/nodepatch/&lt;node&gt;</c>, content = the patch text <c>{"status":{...}}</c>) to MetaManager. Ready follows
/// the runtime's RuntimeReady condition; an unreachable runtime makes the node NotReady.
/// </summary>
internal sealed class NodeStatusActor : ReceiveActor, IWithTimers
{
    /// <summary>The kubelet version EdgeD reports (KubeEdge's form: &lt;k8s&gt;-kubeedge-&lt;version&gt;).</summary>
    public const string KubeletVersion = "v1.32.10-kubeedge-edgeactors";

    private readonly ModuleBus _bus;
    private readonly IRuntimeService _runtime;
    private readonly EdgedSettings _settings;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, (bool Status, DateTimeOffset Since)> _transitions = new(StringComparer.Ordinal);

    public NodeStatusActor(ModuleBus bus, IRuntimeService runtime, EdgedSettings settings, TimeProvider time)
    {
        _bus = bus;
        _runtime = runtime;
        _settings = settings;
        _time = time;
        ReceiveAsync<Tick>(_ => ReportAsync());
    }

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart()
    {
        Self.Tell(new Tick(), Self);
        Timers.StartPeriodicTimer("node-status", new Tick(), _settings.NodeStatusPeriod);
    }

    private async Task ReportAsync()
    {
        var ready = false;
        var version = "unknown://unknown";
        try
        {
            var v = await Task.Run(() => _runtime.VersionAsync());
            version = v.RuntimeName + "://" + v.RuntimeVersion;
            var status = await Task.Run(() => _runtime.StatusAsync());
            ready = status.Conditions.Any(c => c.Type == "RuntimeReady" && c.Status);
        }
        catch (CriException e)
        {
            Context.GetLogger().LogWarning("Node status: runtime unreachable ({Error}); reporting NotReady", e.Message);
        }

        var resources = await Task.Run(() => NodeResources.Read(_settings.PodsRoot));
        var nodeStatus = NodeStatusBuilder.Build(resources, ready, version, KubeletVersion, _time.GetUtcNow(), _transitions);
        var patch = new JsonObject { ["status"] = nodeStatus }.ToJsonString();
        var message = new NodeStatusPatch(_settings.NodeName, MessageContent.FromString(patch));
        _bus.Send(ModuleNames.MetaManager, new BusMessage(EdgeDTranslator.ToEnvelope(message, MessageHeader.New(_time))));
    }
}
