using System.Text.Json;
using Actors.Cloud.Kubernetes.Client;
using Actors.Cloud.Kubernetes.Models;
using Actors.Cloud.Kubernetes.Patch;
using Actors.Kernel.Actor;
using Actors.Kernel.Modules;
using Actors.Messages.Bus;
using Actors.Messages.CloudHub;
using Actors.Messages.Routing;
using Actors.Messages.Wire;
using Microsoft.Extensions.Logging;

namespace Actors.Cloud.Modules.EdgeController.Upstream;

/// <summary>
/// Writes what edge nodes report to the API, one message at a time (a node's messages always reach the same worker,
/// so they are applied in order): node register (create, with the edge label) / status update / status patch, pod status
/// patches, leases, pod deletions, and NotReady when CloudHub reports a node lost. Bad content and API errors are
/// logged and, for requests the edge waits on, answered with an <c>error</c> message; the worker carries on.
/// </summary>
public sealed partial class UpstreamWorker : ReceiveActor
{
    private readonly ModuleContext _module;
    private readonly KubernetesClient _client;
    private readonly ILogger _log;

    public UpstreamWorker(ModuleContext module, KubernetesClient client)
    {
        _module = module;
        _client = client;
        _log = module.Logger;
        ReceiveAsync<UpstreamRequest>(HandleAsync);
        ReceiveAsync<NodeDisconnected>(d => Guard(d.NodeId, "mark NotReady", () => NodeStatusWriter.MarkNotReadyAsync(_client, d.NodeId, d.At)));
    }

    private async Task HandleAsync(UpstreamRequest request)
    {
        var reply = await Guard(request.Resource.NodeId, request.Envelope.Route.Operation + " " + request.Resource, () => DispatchAsync(request))
            .ConfigureAwait(false);
        if (reply.Error is { } error && ExpectsAnswer(request))
        {
            Send(EdgeEnvelopes.Error(_module.Time, request.Envelope, error));
        }
        else if (reply.Answer is { } answer)
        {
            Send(answer);
        }
    }

    private Task<MessageEnvelope?> DispatchAsync(UpstreamRequest request)
    {
        var r = request.Resource;
        var op = request.Envelope.Route.Operation;
        var content = request.Envelope.Content;
        return (r.ResourceType, op) switch
        {
            (ResourceTypes.Node, Operations.Insert) => Respond(request, NodeStatusWriter.RegisterAsync(_client, r.Name, PatchContent.Object(content))),
            (ResourceTypes.Node, Operations.Update) => Respond(request, NodeStatusWriter.UpdateStatusAsync(_client, r.Name, PatchContent.Object(content)), reply: false),
            (ResourceTypes.Node, Operations.Query or Operations.Get) => Respond(request, _client.Resource(KnownResources.Nodes).GetAsync(null, r.Name)),
            (ResourceTypes.NodeStatus, _) => Respond(request, NodeStatusWriter.UpdateStatusAsync(_client, r.Name, PatchContent.Object(content)), reply: false),
            (ResourceTypes.NodePatch, _) => Respond(request, PatchStatusAsync(KnownResources.Nodes, null, r.Name, content), reply: false),
            (ResourceTypes.PodPatch, _) => Respond(request, PatchStatusAsync(KnownResources.Pods, r.Namespace, r.Name, content), reply: false),
            (ResourceTypes.PodStatus, _) => Respond(request, PodStatusWriter.ApplyAsync(_client, r.Namespace, r.Name, content), reply: false),
            (ResourceTypes.Lease, Operations.Insert) => Respond(request, LeaseWriter.CreateOrUpdateAsync(_client, r.Namespace, r.Name, content)),
            (ResourceTypes.Lease, Operations.Update) => Respond(request, LeaseWriter.CreateOrUpdateAsync(_client, r.Namespace, r.Name, content), reply: false),
            (ResourceTypes.Lease, Operations.Query or Operations.Get) => Respond(request, _client.Resource(KnownResources.Leases).GetAsync(r.Namespace, r.Name)),
            (ResourceTypes.Pod, Operations.Delete) => Respond(request, _client.Resource(KnownResources.Pods).DeleteAsync(r.Namespace, r.Name, PatchContent.DeleteOptions(content)), reply: false),
            _ => throw new FormatException($"edgecontroller does not handle {op} of {r.ResourceType}"),
        };
    }

    private async Task<MessageEnvelope?> Respond<T>(UpstreamRequest request, Task<T> call, bool reply = true)
        where T : class?
    {
        var value = await call.ConfigureAwait(false);
        if (!reply || value is null)
        {
            return null;
        }

        var json = value switch
        {
            Node n => KnownResources.Nodes.Codec.Serialize(n),
            Lease l => KnownResources.Leases.Codec.Serialize(l),
            _ => null,
        };
        var rv = (value as KubernetesObject)?.Metadata.ResourceVersion;
        return json is null ? null : EdgeEnvelopes.Response(_module.Time, request.Envelope, rv, json);
    }

    private Task<T> PatchStatusAsync<T>(ResourceType<T> type, string? ns, string name, MessageContent content)
        where T : class =>
        _client.Resource(type).PatchStatusAsync(ns == ResourceTypes.NullNamespace ? null : ns, name, new KubernetesPatch(PatchType.StrategicMerge, PatchContent.Bytes(content)));

    private async Task<(MessageEnvelope? Answer, string? Error)> Guard(string node, string what, Func<Task<MessageEnvelope?>> action)
    {
        try
        {
            return (await action().ConfigureAwait(false), null);
        }
        catch (Exception e) when (e is KubernetesApiException or FormatException or JsonException or HttpRequestException
            or InvalidDataException or TimeoutException or ArgumentException)
        {
            LogFailed(_log, node, what, e.Message);
            return (null, e.Message);
        }
    }

    private async Task Guard(string node, string what, Func<Task> action) =>
        await Guard(node, what, async () =>
        {
            await action().ConfigureAwait(false);
            return null;
        }).ConfigureAwait(false);

    private static bool ExpectsAnswer(UpstreamRequest request) =>
        request.Envelope.Route.Operation is Operations.Insert or Operations.Query or Operations.Get
        || request.Resource.ResourceType == ResourceTypes.Lease;

    private void Send(MessageEnvelope envelope) => _module.Bus.Send(ModuleNames.CloudHub, new BusMessage(envelope));

    [LoggerMessage(Level = LogLevel.Warning, Message = "edge node {Node}: could not {What}: {Problem}")]
    private static partial void LogFailed(ILogger logger, string node, string what, string problem);
}
