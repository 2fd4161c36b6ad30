using System.Threading.Channels;
using Actors.Cloud.Kubernetes.Client;
using Actors.Cloud.Kubernetes.Models;
using Actors.Cloud.Modules.EdgeController;
using Actors.Cloud.Modules.EdgeController.Sync;
using Actors.Kernel.Modules;
using Actors.Messages.Bus;
using Actors.Messages.Routing;

namespace Actors.Bench.EdgeController;

/// <summary>
/// The baseline: one watch on all pods (from "now", so the server first sends every pod as ADDED); for each event it
/// GETs the pod (a fresh copy) and the pod's node (is it an edge node?), then sends the same insert envelope to
/// CloudHub. <c>concurrency</c> events are processed at once.
/// </summary>
internal static class NaiveController
{
    public static async Task RunAsync(KubernetesClient client, ModuleBus bus, TimeProvider time, int concurrency, CancellationToken cancellationToken)
    {
        var pods = client.Resource(KnownResources.Pods);
        var nodes = client.Resource(KnownResources.Nodes);
        var queue = Channel.CreateBounded<Pod>(concurrency * 4);
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            await foreach (var seen in queue.Reader.ReadAllAsync(cancellationToken))
            {
                var pod = await pods.GetAsync(seen.Metadata.Namespace, seen.Metadata.Name!, cancellationToken);
                var node = await nodes.GetAsync(null, pod.Spec!.NodeName!, cancellationToken);
                if (node.Metadata.Labels?.ContainsKey(InformerSet.EdgeNodeLabel) != true)
                {
                    continue;
                }

                var envelope = EdgeEnvelopes.Object(time, node.Metadata.Name!, pod.Metadata.Namespace, ResourceTypes.Pod, pod.Metadata.Name!,
                    Operations.Insert, pod.Metadata.ResourceVersion, KnownResources.Pods.Codec.Serialize(pod));
                bus.Send(ModuleNames.CloudHub, new BusMessage(envelope));
            }
        }, cancellationToken)).ToArray();
        try
        {
            await using var watch = await pods.WatchAsync(null, new ListOptions { FieldSelector = "spec.nodeName!=" }, cancellationToken);
            await foreach (var e in watch.ReadEventsAsync(cancellationToken))
            {
                if (e.Type == WatchEventType.Added && e.Object is { } pod)
                {
                    await queue.Writer.WriteAsync(pod, cancellationToken);
                }
            }
        }
        finally
        {
            queue.Writer.TryComplete();
            await Task.WhenAll(workers).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }
}
