using System.Diagnostics.CodeAnalysis;
using Actors.Cloud.Kubernetes.Client;
using Actors.Cloud.Modules.EdgeController;
using Actors.Kernel.Actor;
using Actors.Kernel.Modules;
using Actors.Messages.Bus;
using Actors.Messages.CloudHub;

namespace Actors.Cloud.Modules.DeviceController;

/// <summary>
/// The DeviceController module's root: waits for the shared API client (stashing what arrives meanwhile), then runs
/// <c>sync</c> (<see cref="DeviceSyncActor"/>) and <c>upstream</c> (<see cref="DeviceUpstreamActor"/>), and hands
/// CloudHub's envelopes (twin and state reports from the edge) to upstream. Children restart on failure.
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "The token source is cancelled and disposed in PostStop, the actor's end of life.")]
public sealed class DeviceControllerActor : ReceiveActor, IWithUnboundedStash
{
    private readonly ModuleContext _module;
    private readonly ApiClientSource _clients;
    private readonly CancellationTokenSource _stop = new();
    private IActorRef _upstream = ActorRefs.Nobody;

    public DeviceControllerActor(ModuleContext module, ApiClientSource clients)
    {
        _module = module;
        _clients = clients;
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
        var sync = Context.ActorOf(Props.Create(() => new DeviceSyncActor(_module, client)), "sync");
        _upstream = Context.ActorOf(Props.Create(() => new DeviceUpstreamActor(_module, client)), "upstream");
        Become(() =>
        {
            // A node that connects is told its devices again: membership and desired values are fire-and-forget
            // messages, so those sent while it was offline are gone.
            Receive<BusMessage>(m => CloudHubTranslator.TryParseConnectEvent(m.Envelope) is not null, m =>
            {
                if (CloudHubTranslator.TryParseConnectEvent(m.Envelope) is NodeConnected connected)
                {
                    sync.Tell(connected, Self);
                }
            });
            Receive<BusMessage>(m => _upstream.Forward(m));
            Receive<Messages.Wire.MessageEnvelope>(e => _upstream.Forward(new BusMessage(e)));
            Receive<Status.Failure>(_ => { });
        });
        Stash.UnstashAll();
    }
}
