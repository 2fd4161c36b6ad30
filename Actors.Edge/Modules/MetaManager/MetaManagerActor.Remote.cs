using System.Text;
using System.Text.Json;
using Actors.Edge.Modules.MetaManager.Server;
using Actors.Edge.Modules.MetaManager.Storage;
using Actors.Edge.Modules.MetaManager.Storage.Models;
using Actors.Messages.Routing;
using Actors.Messages.Wire;

namespace Actors.Edge.Modules.MetaManager;

/// <summary>Answers of the cloud to remote queries: store the object, then reply to the asker and ACK the cloud.</summary>
internal sealed partial class MetaManagerActor
{
    private async Task OnRemoteQueryDoneAsync(RemoteQueryDone done)
    {
        var request = done.Request;
        if (done.Error is not null || EnvelopeCorrelation.EnvelopeOf(done.Answer!) is not { } answer)
        {
            var why = done.Error is TimeoutException ? "timed out" : done.Error?.Message ?? "no envelope in the answer";
            ReplyError(request, $"remote {request.Route.Operation} of {request.Route.Resource} failed: {why}");
            return;
        }

        if (answer.Route.Operation == Operations.Error)
        {
            ReplyError(request, answer.Content.AsString() ?? answer.Content.ToString());
            return;
        }

        try
        {
            var obj = Unwrap(answer.Content, out var cloudError);
            if (cloudError is not null)
            {
                ReplyError(request, cloudError);
                return;
            }

            var resource = EdgeResource.Parse(request.Route.Resource);
            if (obj is not null && !resource.IsList && MetaRowRules.KnownTypes.Contains(resource.ResourceType))
            {
                var changed = await Store.UpsertAsync(new MetaRecord(resource.ToString(), resource.ResourceType, obj));
                if (changed)
                {
                    _feed.Publish(new WatchChange(WatchChange.Modified, resource, obj));
                }
            }

            Reply(request, obj is null
                ? MetaEnvelopes.Ok(request, _context.Time) with { Content = answer.Content }
                : MetaEnvelopes.QueryAnswer(request, [obj], _context.Time));
            if (obj is not null)
            {
                ToCloud(MetaEnvelopes.Ack(answer, _context.Time));
            }
        }
        catch (MetaStoreWriteException e)
        {
            // Not acknowledged: the cloud resends; the asker gets an error rather than an answer that is not stored.
            ReplyError(request, "store write of the cloud's answer failed: " + e.Message);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or JsonException or MetaStoreCorruptionException)
        {
            ReplyError(request, "malformed answer from the cloud: " + e.Message);
        }
    }

    /// <summary>The object text of an answer: the object itself, or KubeEdge's <c>{"Object":…,"Err":…}</c> wrapper; null for "OK"/lists.</summary>
    private static string? Unwrap(MessageContent content, out string? error)
    {
        error = null;
        if (content.Kind != ContentKind.Object)
        {
            return null;
        }

        var root = content.ToElement();
        if (root.TryGetProperty("Err", out var err) && err.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined)
            && err.ToString() is { Length: > 0 } text && text != "{}")
        {
            error = text;
            return null;
        }

        if (root.TryGetProperty("Object", out var inner))
        {
            return inner.ValueKind == JsonValueKind.Object ? inner.GetRawText() : null;
        }

        return Encoding.UTF8.GetString(content.Json.Span);
    }
}
