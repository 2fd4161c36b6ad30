using System.Text.Json;
using Actors.Edge.Modules.MetaManager.Storage;
using Actors.Edge.Modules.MetaManager.Storage.Models;
using Actors.Kernel.Actor;
using Actors.Messages.Bus;
using Actors.Messages.Routing;
using Actors.Messages.Wire;

namespace Actors.Edge.Modules.MetaManager;

/// <summary>Edge → MetaManager traffic (EdgeD, MetaClient): query, update, insert, patch, delete.</summary>
internal sealed partial class MetaManagerActor
{
    private async Task HandleEdgeAsync(MessageEnvelope request)
    {
        var op = request.Route.Operation;
        if (MetaRequest.Check(request, requireName: op != Operations.Query && !IsStatusList(request)) is { } problem)
        {
            ReplyError(request, problem);
            return;
        }

        var resource = EdgeResource.Parse(request.Route.Resource);
        try
        {
            switch (op)
            {
                case Operations.Query: await QueryAsync(request, resource); break;
                case Operations.Update: await StoreAndForwardAsync(request, resource, offlineIsError: false); break;
                case Operations.Patch: await StoreAndForwardAsync(request, resource, offlineIsError: true); break;
                case Operations.Insert or Operations.Delete: AskCloud(request, resource); break;
                default: ReplyError(request, $"operation '{op}' is not supported by metamanager"); break;
            }
        }
        catch (MetaStoreWriteException e)
        {
            ReplyError(request, "store write failed: " + e.Message);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or JsonException or MetaStoreCorruptionException)
        {
            ReplyError(request, e.Message);
        }
    }

    /// <summary>Local first; when nothing is stored and the cloud is reachable, ask it; offline → a clear not-found (lists: empty).</summary>
    private async Task QueryAsync(MessageEnvelope request, EdgeResource resource)
    {
        var values = new List<string>();
        if (resource.IsList)
        {
            var list = await Store.ListAsync(resource.ResourceType, resource.IsClusterScoped ? null : resource.Namespace);
            values.AddRange(list.Records.Select(r => r.Value));
        }
        else if (await Store.GetAsync(resource.ToString()) is { } row)
        {
            values.Add(row.Value);
        }

        // `null/pod` (every stored pod, EdgeD's restore at start) is the edge's own view: never asked of the cloud.
        var localOnly = resource.IsList && (!_connected || (resource.IsClusterScoped && resource.ResourceType == ResourceTypes.Pod));
        if (values.Count > 0 || localOnly)
        {
            Reply(request, MetaEnvelopes.QueryAnswer(request, values, _context.Time));
        }
        else if (_connected)
        {
            AskCloud(request, resource);
        }
        else
        {
            ReplyError(request, $"not found: {resource} is not stored locally and the cloud is not connected");
        }
    }

    /// <summary>Stores what EdgeD reports (status, patch) and forwards it to the cloud when connected.</summary>
    private async Task StoreAndForwardAsync(MessageEnvelope request, EdgeResource resource, bool offlineIsError)
    {
        var changed = true;
        if (!resource.IsList)
        {
            var value = request.Route.Operation == Operations.Patch && request.Content.Kind == ContentKind.String
                ? JsonSerializer.Serialize(request.Content.AsString())
                : ObjectText(request.Content);
            changed = await Store.UpsertAsync(new MetaRecord(resource.ToString(), resource.ResourceType, value));
        }

        if (!_connected)
        {
            if (offlineIsError)
            {
                ReplyError(request, "connection lost between EdgeCore and CloudCore");
                return;
            }
        }
        else if (changed || offlineIsError)
        {
            // Patches always go up; an identical status report does not (KubeEdge short-circuits those).
            ToCloud(MetaEnvelopes.ForCloud(request, _context.Time));
        }

        Reply(request, MetaEnvelopes.Ok(request, _context.Time));
    }

    /// <summary>KubeEdge's <c>processRemote</c>: SendSync to EdgeHub with a fresh id; the answer arrives as <see cref="RemoteQueryDone"/>.</summary>
    private void AskCloud(MessageEnvelope request, EdgeResource resource)
    {
        if (!_connected)
        {
            ReplyError(request, $"failed to process remote {request.Route.Operation} of {resource}: not connected");
            return;
        }

        var self = Self;
        var outbound = MetaEnvelopes.ForCloud(request, _context.Time);
        _context.Bus.SendSync(ModuleNames.EdgeHub, new BusMessage(outbound), _settings.RemoteQueryTimeout)
            .PipeTo(self, self, answer => new RemoteQueryDone(request, answer, null), e => new RemoteQueryDone(request, null, e));
    }

    private static bool IsStatusList(MessageEnvelope request) =>
        request.Route.Operation == Operations.Update && EdgeResource.TryParse(request.Route.Resource, out var r)
        && r.IsList && r.ResourceType == ResourceTypes.PodStatus;
}
