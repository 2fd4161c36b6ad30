using System.Globalization;
using System.Text.Json.Nodes;
using System.Text;
using Actors.Cloud.ApiServer.Http;
using Actors.Cloud.ApiServer.Resources;
using Actors.Cloud.ApiServer.Storage;
using Actors.Cloud.ApiServer.Tables;
using Actors.Messages.Kubernetes;
using Microsoft.AspNetCore.Http;

namespace Actors.Cloud.ApiServer.Watch;

/// <summary>
/// Serves <c>?watch=1</c>: a chunked stream of <c>{"type","object"}</c> JSON lines. With selectors, an object entering the
/// selection is sent as ADDED and one leaving it as DELETED. BOOKMARK events are sent every
/// <c>bookmarkInterval</c> when <c>allowWatchBookmarks=true</c>, carrying a revision up to which this watch has seen
/// everything. A revision older than the retained window is answered 410 Gone (reason Expired).
/// </summary>
public sealed class WatchStreamer(IObjectStore store, TableBuilder tables, TimeSpan bookmarkInterval)
{
    public async Task StreamAsync(HttpContext ctx, ResourceType rt, string? ns, LabelSelector labels, FieldSelector fields, bool asTable)
    {
        var rvText = HttpIo.Query(ctx, "resourceVersion");
        long? from = string.IsNullOrEmpty(rvText) || rvText == "0" ? null
            : long.TryParse(rvText, NumberStyles.None, CultureInfo.InvariantCulture, out var rv) ? rv
            : throw ApiException.BadRequest($"invalid resourceVersion \"{rvText}\"");
        WatchSubscription sub;
        try
        {
            sub = store.Watch(rt.KindKey, ns, from);
        }
        catch (RevisionCompactedException e)
        {
            throw ApiException.Gone(e.Message);
        }

        using (sub)
        {
            var timeout = TimeSpan.FromSeconds(Math.Clamp(HttpIo.QueryLong(ctx, "timeoutSeconds") ?? 1800, 1, 3600));
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(ctx.RequestAborted);
            cts.CancelAfter(timeout);
            ctx.Response.StatusCode = 200;
            ctx.Response.ContentType = "application/json";
            await ctx.Response.StartAsync(cts.Token).ConfigureAwait(false);
            await ctx.Response.Body.FlushAsync(cts.Token).ConfigureAwait(false);
            try
            {
                await PumpAsync(ctx, rt, sub, labels, fields, asTable, HttpIo.QueryBool(ctx, "allowWatchBookmarks"), cts.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cts.IsCancellationRequested)
            {
                // Timeout or client gone: end the stream.
            }
        }
    }

    private async Task PumpAsync(HttpContext ctx, ResourceType rt, WatchSubscription sub, LabelSelector labels, FieldSelector fields,
        bool asTable, bool bookmarks, CancellationToken token)
    {
        var first = true;
        while (true)
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(token);
            if (bookmarks)
            {
                wait.CancelAfter(bookmarkInterval);
            }

            bool more;
            try
            {
                more = await sub.Events.WaitToReadAsync(wait.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!token.IsCancellationRequested)
            {
                if (store.ProgressRevision(sub) is { } progress)
                {
                    await WriteEventAsync(ctx, "BOOKMARK", Bookmark(rt, progress), token).ConfigureAwait(false);
                }

                continue;
            }

            if (!more)
            {
                return;
            }

            while (sub.Events.TryRead(out var e))
            {
                var type = Translate(e, labels, fields);
                if (type is null)
                {
                    continue;
                }

                var obj = (JsonObject)e.Object.DeepClone();
                obj["apiVersion"] = rt.GroupVersion;
                obj["kind"] = rt.Kind;
                JsonNode payload = asTable
                    ? tables.Build(rt, [obj], new JsonObject { ["resourceVersion"] = TableBuilder.RevisionText(e.Revision) },
                        HttpIo.Query(ctx, "includeObject") ?? "Metadata", withColumns: first)
                    : obj;
                first = false;
                await WriteEventAsync(ctx, type, payload, token).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// The event type this watcher sees: with selectors, a modification that brings an object into the selection is
    /// ADDED and one that takes it out is DELETED (as Kubernetes does); null when the watcher does not see it at all.
    /// </summary>
    private static string? Translate(StoredEvent e, LabelSelector labels, FieldSelector fields)
    {
        if (labels.IsEverything && fields.IsEverything)
        {
            return e.Type;
        }

        bool Matches(JsonObject o) => labels.Matches(Meta.Labels(o)) && fields.Matches(o);
        var now = Matches(e.Object);
        if (e.Type != StoredEvent.Modified || e.PreviousText is null)
        {
            return now ? e.Type : null;
        }

        var before = Matches((JsonObject)JsonNode.Parse(e.PreviousText)!);
        return (before, now) switch
        {
            (true, true) => StoredEvent.Modified,
            (false, true) => StoredEvent.Added,
            (true, false) => StoredEvent.Deleted,
            _ => null,
        };
    }

    private static JsonObject Bookmark(ResourceType rt, long revision) => new()
    {
        ["kind"] = rt.Kind,
        ["apiVersion"] = rt.GroupVersion,
        ["metadata"] = new JsonObject { ["resourceVersion"] = TableBuilder.RevisionText(revision) },
    };

    private static async Task WriteEventAsync(HttpContext ctx, string type, JsonNode obj, CancellationToken token)
    {
        var line = new JsonObject { ["type"] = type, ["object"] = obj }.ToJsonString() + "\n";
        await ctx.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(line), token).ConfigureAwait(false);
        await ctx.Response.Body.FlushAsync(token).ConfigureAwait(false);
    }
}
