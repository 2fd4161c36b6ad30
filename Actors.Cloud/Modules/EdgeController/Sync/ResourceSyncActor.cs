using Actors.Cloud.Kubernetes.Client;
using Actors.Cloud.Kubernetes.Informers;
using Actors.Cloud.Kubernetes.Models;
using Actors.Kernel.Actor;
using Actors.Kernel.Modules;
using Actors.Messages.Bus;
using Actors.Messages.CloudHub;
using Actors.Messages.Routing;
using Actors.Messages.Wire;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Logging;

namespace Actors.Cloud.Modules.EdgeController.Sync;

/// <summary>
/// Downstream half of the EdgeController (<c>…/edgecontroller/sync</c>): owns the informers and the
/// <see cref="LocationCache"/>, sends pods, the configmaps and secrets they use, and node updates/deletions to the
/// nodes that need them through CloudHub, answers the nodes' configmap/secret/service-account-token queries
/// (authorised by the location cache), and re-sends a node's pods and objects when the node reconnects.
/// An informer that fails restarts this actor (the parent's supervision), which relists.
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "The informers are disposed in PostStop, the actor's end of life.")]
public sealed partial class ResourceSyncActor : ReceiveActor
{
    private readonly ModuleContext _module;
    private readonly KubernetesClient _client;
    private readonly TimeSpan _resync;
    private readonly HashSet<string> _edgeNodes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _connected = new(StringComparer.Ordinal);
    private readonly LocationCache _locations = new();
    private readonly ILogger _log;
    private InformerSet _informers = null!;

    public ResourceSyncActor(ModuleContext module, KubernetesClient client, TimeSpan resync)
    {
        _module = module;
        _client = client;
        _resync = resync;
        _log = module.Logger;
        Receive<InformerEvent<Node>>(OnNode);
        Receive<InformerEvent<Pod>>(OnPod);
        Receive<InformerEvent<ConfigMap>>(OnConfigMap);
        Receive<InformerEvent<Secret>>(OnSecret);
        Receive<NodeConnected>(OnConnected);
        Receive<NodeDisconnected>(d => _connected.Remove(d.NodeId));
        Receive<InformersSynced>(_ => OnSynced());
        Receive<Actors.Cloud.Modules.CloudHub.AckedObjects>(OnAcked);
        Receive<EdgeQuery>(OnQuery);
        Receive<QueryAnswer>(a => SendToCloudHub(a.Envelope));
        Receive<InformerFailed>(f => throw new InvalidOperationException("the " + f.Kind + " informer stopped", f.Cause));
    }

    /// <summary>Edge nodes known (for tests and diagnostics).</summary>
    internal IReadOnlyCollection<string> EdgeNodes => _edgeNodes;

    protected override void PreStart()
    {
        _informers = new InformerSet(_client, _resync);
        _informers.Start(Self);
    }

    protected override void PostStop() => _informers.Dispose();

    private void SendToCloudHub(MessageEnvelope envelope) => _module.Bus.Send(ModuleNames.CloudHub, new BusMessage(envelope));

    private void SendObject<T>(ResourceType<T> type, T value, string node, string resourceType, string operation)
        where T : class
    {
        var id = type.Codec.Identify(value);
        SendToCloudHub(EdgeEnvelopes.Object(
            _module.Time, node, id.Namespace, resourceType, id.Name ?? string.Empty, operation, id.ResourceVersion, type.Codec.Serialize(value)));
    }

    private void OnNode(InformerEvent<Node> e)
    {
        switch (e)
        {
            case ObjectAdded<Node> added:
                var name = added.Object.Metadata.Name ?? string.Empty;
                if (_edgeNodes.Add(name) && !added.IsInInitialList)
                {
                    SendNodeState(name, Operations.Insert);
                }

                break;
            case ObjectUpdated<Node> updated when Changed(updated.Old.Metadata, updated.New.Metadata):
                var node = updated.New.Metadata.Name ?? string.Empty;
                _edgeNodes.Add(node);
                SendObject(KnownResources.Nodes, updated.New, node, ResourceTypes.Node, Operations.Update);
                break;
            case ObjectDeleted<Node> deleted:
                var gone = deleted.Object.Metadata.Name ?? string.Empty;
                _edgeNodes.Remove(gone);
                SendToCloudHub(EdgeEnvelopes.Object(_module.Time, gone, null, ResourceTypes.Node, gone, Operations.Delete, null, null));
                break;
        }
    }

    private void OnPod(InformerEvent<Pod> e)
    {
        switch (e)
        {
            case ObjectAdded<Pod> added:
                TrackAndSend(added.Object, Operations.Insert);
                break;
            case ObjectUpdated<Pod> updated when Changed(updated.Old.Metadata, updated.New.Metadata):
                TrackAndSend(updated.New, Operations.Update);
                break;
            case ObjectDeleted<Pod> deleted:
                _locations.RemovePod(deleted.Key);
                if (NodeOf(deleted.Object) is { } node && _edgeNodes.Contains(node))
                {
                    SendObject(KnownResources.Pods, deleted.Object, node, ResourceTypes.Pod, Operations.Delete);
                }

                break;
        }
    }

    private void TrackAndSend(Pod pod, string operation)
    {
        if (NodeOf(pod) is not { } node || !_edgeNodes.Contains(node))
        {
            return;
        }

        var id = KnownResources.Pods.Codec.Identify(pod);
        _locations.SetPod(id.Key, node, id.Namespace ?? "default", PodReferences.Of(pod));
        SendObject(KnownResources.Pods, pod, node, ResourceTypes.Pod, operation);
    }

    private void OnConfigMap(InformerEvent<ConfigMap> e) =>
        OnReferenced(e, KnownResources.ConfigMaps, LocationCache.ReferenceKind.ConfigMap, ResourceTypes.ConfigMap, Operations.Insert);

    /// <summary>KubeEdge sends an added or modified secret as <c>update</c>.</summary>
    private void OnSecret(InformerEvent<Secret> e) =>
        OnReferenced(e, KnownResources.Secrets, LocationCache.ReferenceKind.Secret, ResourceTypes.Secret, Operations.Update);

    private void OnReferenced<T>(InformerEvent<T> e, ResourceType<T> type, LocationCache.ReferenceKind kind, string resourceType, string addOperation)
        where T : KubernetesObject
    {
        var (value, operation) = e switch
        {
            ObjectAdded<T> a => (a.Object, addOperation),
            ObjectUpdated<T> u when Changed(u.Old.Metadata, u.New.Metadata) => (u.New, Operations.Update),
            ObjectDeleted<T> d => (d.Object, Operations.Delete),
            _ => (null, string.Empty),
        };
        if (value is null)
        {
            return;
        }

        foreach (var node in _locations.NodesUsing(kind, value.Metadata.Namespace ?? string.Empty, value.Metadata.Name ?? string.Empty).ToList())
        {
            SendObject(type, value, node, resourceType, operation);
        }
    }

    private void OnConnected(NodeConnected connected)
    {
        _connected.Add(connected.NodeId);
        if (_edgeNodes.Contains(connected.NodeId))
        {
            SendNodeState(connected.NodeId, Operations.Update);
            AskAcked(connected.NodeId);
        }
    }

    /// <summary>
    /// After a (re)start the nodes may connect before the informers have listed: their connect found nothing to send,
    /// and configmaps listed before the pods using them were not routed. Now that every store is complete, send the
    /// state of each connected edge node (CloudHub keeps only what is newer than the node acknowledged).
    /// </summary>
    private void OnSynced()
    {
        _synced = true;
        foreach (var node in _connected.Where(n => _informers.Nodes.Store.Get(n) is not null).ToList())
        {
            _edgeNodes.Add(node);
            SendNodeState(node, Operations.Update);
            AskAcked(node);
        }
    }

    /// <summary>Sends every pod of the node and every configmap/secret they use (a new edge node, or a reconnect).</summary>
    private void SendNodeState(string node, string operation)
    {
        foreach (var pod in _informers.Pods.Store.ByIndex(StoreIndexers.NodeName, node))
        {
            TrackAndSend(pod, operation);
        }

        foreach (var (kind, key) in _locations.ObjectsOf(node))
        {
            if (kind == LocationCache.ReferenceKind.ConfigMap && _informers.ConfigMaps.Store.Get(key) is { } cm)
            {
                SendObject(KnownResources.ConfigMaps, cm, node, ResourceTypes.ConfigMap, operation);
            }
            else if (kind == LocationCache.ReferenceKind.Secret && _informers.Secrets.Store.Get(key) is { } secret)
            {
                SendObject(KnownResources.Secrets, secret, node, ResourceTypes.Secret, Operations.Update);
            }
        }

        LogNodeState(_log, node, operation);
    }

    private static string? NodeOf(Pod pod) => pod.Spec?.NodeName is { Length: > 0 } n ? n : null;

    /// <summary>A resync re-delivers unchanged objects; they are not sent again.</summary>
    private static bool Changed(ObjectMeta old, ObjectMeta current) => old.ResourceVersion != current.ResourceVersion;

    [LoggerMessage(Level = LogLevel.Debug, Message = "sent the state of edge node {Node} ({Operation})")]
    private static partial void LogNodeState(ILogger logger, string node, string operation);
}
