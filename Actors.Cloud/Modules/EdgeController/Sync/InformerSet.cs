using Actors.Cloud.Kubernetes.Client;
using Actors.Cloud.Kubernetes.Informers;
using Actors.Cloud.Kubernetes.Models;
using Actors.Kernel.Actor;

namespace Actors.Cloud.Modules.EdgeController.Sync;

/// <summary>
/// The EdgeController's informers: edge nodes (label <c>node-role.kubernetes.io/edge</c>), pods bound to a node
/// (field selector <c>spec.nodeName!=</c>, indexed by node), configmaps and secrets. Their events are told to one
/// actor in order per informer; the pod informer starts after the node informer has synced so that every pod event
/// finds its node's role known. Once all four have synced, <see cref="InformersSynced"/> is told. Disposing stops everything.
/// </summary>
public sealed class InformerSet : IDisposable
{
    /// <summary>The label that marks edge nodes.</summary>
    public const string EdgeNodeLabel = "node-role.kubernetes.io/edge";

    private readonly CancellationTokenSource _stop = new();

    public InformerSet(KubernetesClient client, TimeSpan resync)
    {
        ArgumentNullException.ThrowIfNull(client);
        Nodes = new SharedInformer<Node>(client.Resource(KnownResources.Nodes), new InformerOptions { LabelSelector = EdgeNodeLabel, ResyncPeriod = resync });
        Pods = new SharedInformer<Pod>(
            client.Resource(KnownResources.Pods),
            new InformerOptions { FieldSelector = "spec.nodeName!=", ResyncPeriod = resync },
            new Dictionary<string, Func<Pod, IEnumerable<string>>> { [StoreIndexers.NodeName] = StoreIndexers.PodNodeName });
        ConfigMaps = new SharedInformer<ConfigMap>(client.Resource(KnownResources.ConfigMaps), new InformerOptions { ResyncPeriod = resync });
        Secrets = new SharedInformer<Secret>(client.Resource(KnownResources.Secrets), new InformerOptions { ResyncPeriod = resync });
    }

    public SharedInformer<Node> Nodes { get; }

    public SharedInformer<Pod> Pods { get; }

    public SharedInformer<ConfigMap> ConfigMaps { get; }

    public SharedInformer<Secret> Secrets { get; }

    /// <summary>Starts the informers, telling their events and a <see cref="InformerFailed"/> on a crash to <paramref name="target"/>.</summary>
    public void Start(IActorRef target)
    {
        var token = _stop.Token;
        InformerRunner.Run(Nodes, target, token);
        InformerRunner.Run(ConfigMaps, target, token);
        InformerRunner.Run(Secrets, target, token);
        _ = Nodes.WaitForSyncAsync(token).ContinueWith(
            t =>
            {
                if (t.IsCompletedSuccessfully)
                {
                    InformerRunner.Run(Pods, target, token);
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        _ = Task.WhenAll(Nodes.WaitForSyncAsync(token), Pods.WaitForSyncAsync(token), ConfigMaps.WaitForSyncAsync(token), Secrets.WaitForSyncAsync(token))
            .ContinueWith(
                t =>
                {
                    if (t.IsCompletedSuccessfully)
                    {
                        target.Tell(InformersSynced.Instance, ActorRefs.NoSender);
                    }
                },
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
    }

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }
}

/// <summary>Every informer has listed once: its store holds the whole current state (events may still be on their way).</summary>
public sealed record InformersSynced
{
    public static InformersSynced Instance { get; } = new();
}

/// <summary>An informer stopped with an error (its run loop ended); the owning actor restarts.</summary>
public sealed record InformerFailed(string Kind, Exception Cause);
