using Actors.Cloud.Kubernetes.Client;
using Actors.Cloud.Modules.EdgeController.Sync;
using Actors.Cloud.Modules.EdgeController.Upstream;
using Actors.Kernel.Actor;
using Actors.Kernel.Modules;
using Actors.Messages.Bus;
using Actors.Messages.CloudHub;
using Actors.Messages.Routing;
using Actors.Messages.Wire;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Logging;

namespace Actors.Cloud.Modules.EdgeController;

/// <summary>
/// The EdgeController module's root: waits for the API client (stashing what arrives meanwhile), then runs
/// <c>sync</c> (<see cref="ResourceSyncActor"/>: informers, downstream, queries) and <c>upstream</c>
/// (<see cref="UpstreamActor"/>: node/pod status, leases), and routes CloudHub's envelopes to them: connect events to
/// both, configmap/secret/serviceaccounttoken queries to sync, everything else to upstream. Envelopes that are not
/// node resources are logged and dropped. Children restart on failure (default supervision).
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "The token source is cancelled and disposed in PostStop, the actor's end of life.")]
public sealed partial class EdgeControllerActor : ReceiveActor, IWithUnboundedStash
{
    private readonly ModuleContext _module;
    private readonly ApiClientSource _clients;
    private readonly EdgeControllerSettings _settings;
    private readonly CancellationTokenSource _stop = new();
    private IActorRef _sync = ActorRefs.Nobody;
    private IActorRef _upstream = ActorRefs.Nobody;

    public EdgeControllerActor(ModuleContext module, ApiClientSource clients, EdgeControllerSettings settings)
    {
        _module = module;
        _clients = clients;
        _settings = settings;
        Receive<KubernetesClient>(OnClient);
        ReceiveAny(_ => Stash.Stash());
    }

    public IStash Stash { get; set; } = null!;

    protected override void PreStart() => _clients.GetAsync(_stop.Token).PipeTo(Self);

    protected override void PostStop()
    {
        _stop.Cancel();
        _stop.Dispose();
    }

    private void OnClient(KubernetesClient client)
    {
        _sync = Context.ActorOf(Props.Create(() => new ResourceSyncActor(_module, client, _settings.InformerResync)), "sync");
        _upstream = Context.ActorOf(Props.Create(() => new UpstreamActor(_module, client, _settings.UpstreamWorkers)), "upstream");
        Become(Ready);
        Stash.UnstashAll();
    }

    private void Ready()
    {
        Receive<BusMessage>(m => Route(m));
        Receive<MessageEnvelope>(e => Route(new BusMessage(e)));
        Receive<Status.Failure>(f => LogDropped(_module.Logger, "a failed task", f.Cause.Message));
    }

    private void Route(BusMessage message)
    {
        var envelope = message.Envelope;
        if (CloudHubTranslator.TryParseConnectEvent(envelope) is { } connectEvent)
        {
            _sync.Tell(connectEvent);
            _upstream.Tell(connectEvent);
            return;
        }

        if (!NodeResource.TryParse(envelope.Route.Resource, out var resource))
        {
            LogDropped(_module.Logger, envelope.Route.Resource, "not a node/<id>/<namespace>/<type>[/<name>] resource");
            return;
        }

        if (envelope.Route.Operation is Operations.Query or Operations.Get
            && resource.ResourceType is ResourceTypes.ConfigMap or ResourceTypes.Secret or ResourceTypes.ServiceAccountToken)
        {
            _sync.Tell(new EdgeQuery(envelope, resource));
            return;
        }

        _upstream.Tell(new UpstreamRequest(envelope, resource));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "edgecontroller dropped {What}: {Reason}")]
    private static partial void LogDropped(ILogger logger, string what, string reason);
}
