using Actors.Cloud.Kubernetes.Client;
using Actors.Kernel.Actor;
using Actors.Kernel.Modules;
using Actors.Messages.CloudHub;

namespace Actors.Cloud.Modules.EdgeController.Upstream;

/// <summary>
/// Spreads edge messages over <c>workers</c> <see cref="UpstreamWorker"/> children by node id, so one node's messages
/// stay in order while different nodes are written in parallel (KubeEdge runs worker pools per message kind).
/// </summary>
public sealed class UpstreamActor : ReceiveActor
{
    private readonly IActorRef[] _workers;

    public UpstreamActor(ModuleContext module, KubernetesClient client, int workers)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        _workers = new IActorRef[workers];
        for (var i = 0; i < workers; i++)
        {
            _workers[i] = Context.ActorOf(Props.Create(() => new UpstreamWorker(module, client)), "worker-" + i);
        }

        Receive<UpstreamRequest>(r => WorkerFor(r.Resource.NodeId).Forward(r));
        Receive<NodeDisconnected>(d => WorkerFor(d.NodeId).Forward(d));
        Receive<NodeConnected>(_ => { });
    }

    private IActorRef WorkerFor(string node)
    {
        // A stable hash (string.GetHashCode is randomised per process; order only matters within a process, but a
        // deterministic spread keeps runs comparable).
        uint hash = 2166136261;
        foreach (var c in node)
        {
            hash = (hash ^ c) * 16777619;
        }

        return _workers[hash % (uint)_workers.Length];
    }
}
