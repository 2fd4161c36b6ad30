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
/// the runtime's RuntimeReady condition; an unreachable runtime makes the node NotReady. Until the cloud has answered
/// a registration, each report is preceded by a <see cref="NodeRegister"/> (an <c>insert</c> of <c>null/node/&lt;node&gt;</c>,
/// which MetaManager asks the cloud for; the EdgeController creates the Node with the edge label or returns the existing
/// one), so a node that starts offline registers as soon as the cloud is reachable.
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
    private bool _registered;
    private TimeSpan _registerRetry;
    private bool _registering;

    public NodeStatusActor(ModuleBus bus, IRuntimeService runtime, EdgedSettings settings, TimeProvider time)
    {
        _bus = bus;
        _runtime = runtime;
        _settings = settings;
        _time = time;
        ReceiveAsync<Tick>(_ => ReportAsync());
        Receive<RegistrationDone>(d =>
        {
            _registering = false;
            _registered |= d.Registered;
            if (!_registered)
            {
                // Typically the cloud link is not up yet: try again soon (1 s doubling to the status period), not only with the next report.
                _registerRetry = _registerRetry == TimeSpan.Zero ? TimeSpan.FromSeconds(1) : TimeSpan.FromTicks(Math.Min(_registerRetry.Ticks * 2, _settings.NodeStatusPeriod.Ticks));
                Timers.StartSingleTimer("register-retry", new Tick(), _registerRetry);
            }
        });
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
        if (!_registered && !_registering)
        {
            // Not awaited: the status report goes out at once; the answer comes back as RegistrationDone.
            _registering = true;
            _ = RegisterAsync(nodeStatus.DeepClone(), Context.GetLogger()).PipeTo(Self, Self, ok => new RegistrationDone(ok), _ => new RegistrationDone(false));
        }

        var patch = new JsonObject { ["status"] = nodeStatus }.ToJsonString();
        var message = new NodeStatusPatch(_settings.NodeName, MessageContent.FromString(patch));
        _bus.Send(ModuleNames.MetaManager, new BusMessage(EdgeDTranslator.ToEnvelope(message, MessageHeader.New(_time))));
    }

    private async Task<bool> RegisterAsync(JsonNode status, ILogger log)
    {
        var node = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Node",
            ["metadata"] = new JsonObject
            {
                ["name"] = _settings.NodeName,
                ["labels"] = new JsonObject
                {
                    ["node-role.kubernetes.io/edge"] = string.Empty,
                    ["kubernetes.io/hostname"] = _settings.NodeName,
                    ["kubernetes.io/os"] = "linux",
                },
            },
            ["status"] = status,
        };
        var register = new NodeRegister(_settings.NodeName, MessageContent.FromJson(System.Text.Encoding.UTF8.GetBytes(node.ToJsonString())));
        try
        {
            var reply = await _bus.SendSync(ModuleNames.MetaManager, new BusMessage(EdgeDTranslator.ToEnvelope(register, MessageHeader.New(_time))), TimeSpan.FromSeconds(30));
            var answer = EnvelopeCorrelation.EnvelopeOf(reply);
            if (answer is null || answer.Route.Operation == Operations.Error)
            {
                log.LogWarning("Node {Node} not registered yet: {Reason}; retrying with the next status report", _settings.NodeName, answer?.Content.ToString() ?? "no answer");
                return false;
            }

            log.LogInformation("Node {Node} registered with the cloud", _settings.NodeName);
            return true;
        }
        catch (Exception e) when (e is TimeoutException or ModuleDeliveryException or OperationCanceledException or ArgumentException)
        {
            log.LogWarning("Node {Node} not registered yet: {Reason}; retrying with the next status report", _settings.NodeName, e.Message);
            return false;
        }
    }

    private sealed record RegistrationDone(bool Registered);
}
