using System.Text.Json.Nodes;
using Actors.Cloud.ApiServer.Crd;
using Actors.Cloud.ApiServer.Resources;
using Actors.Cloud.ApiServer.Storage;
using Actors.Cloud.ApiServer.Tables;
using Actors.Cloud.ApiServer.Watch;
using Actors.Messages.Kubernetes;
using Microsoft.AspNetCore.Http;

namespace Actors.Cloud.ApiServer.Http;

/// <summary>Maps resource requests (verb + path) onto <see cref="ResourceService"/>; answers Tables when asked.</summary>
public sealed class ResourceEndpoint(ResourceService service, TableBuilder tables, WatchStreamer watches, CrdController crds, long maxBodyBytes)
{
    public async Task HandleAsync(HttpContext ctx, RequestInfo info)
    {
        var rt = service.Registry.Find(info.Group, info.Version, info.Resource)
            ?? throw new ApiException(404, "NotFound", "the server could not find the requested resource");
        if (rt.Namespaced && info.Namespace is null && info.Name is not null)
        {
            throw new ApiException(404, "NotFound", "the server could not find the requested resource");
        }

        var ns = rt.Namespaced ? info.Namespace : null;
        CheckSubresource(rt, info, ctx.Request.Method);
        switch (ctx.Request.Method)
        {
            case "GET" when info.Name is null:
                await ListOrWatchAsync(ctx, rt, ns).ConfigureAwait(false);
                break;
            case "GET":
                await RespondAsync(ctx, rt, 200, service.Get(rt, ns, info.Name)).ConfigureAwait(false);
                break;
            case "POST" when info.Subresource == "binding":
                var binding = await ReadObjectAsync(ctx).ConfigureAwait(false);
                await Write(ctx, rt, service.Bind(rt, ns, info.Name!, binding)).ConfigureAwait(false);
                break;
            case "POST" when info.Name is null:
                var created = service.Create(rt, ns, await ReadObjectAsync(ctx).ConfigureAwait(false), WriteOptionsOf(ctx));
                AfterWrite(rt, created.Object);
                await Write(ctx, rt, created).ConfigureAwait(false);
                break;
            case "PUT" when info.Name is not null:
                var updated = service.Update(rt, ns, info.Name, await ReadObjectAsync(ctx).ConfigureAwait(false), info.Subresource, WriteOptionsOf(ctx));
                AfterWrite(rt, updated.Object);
                await Write(ctx, rt, updated).ConfigureAwait(false);
                break;
            case "PATCH" when info.Name is not null:
                await PatchAsync(ctx, rt, ns, info).ConfigureAwait(false);
                break;
            case "DELETE" when info.Name is not null:
                await DeleteAsync(ctx, rt, ns, info.Name).ConfigureAwait(false);
                break;
            case "DELETE":
                var options = await ReadDeleteOptionsAsync(ctx).ConfigureAwait(false);
                var list = service.DeleteCollection(rt, ns, Selectors.Labels(ctx),
                    Selectors.Fields(ctx), options);
                await HttpIo.WriteJsonAsync(ctx, 200, list).ConfigureAwait(false);
                break;
            default:
                throw ApiException.MethodNotAllowed($"the server does not allow this method on the requested resource");
        }
    }

    private static void CheckSubresource(ResourceType rt, RequestInfo info, string method)
    {
        var ok = info.Subresource switch
        {
            null => true,
            "status" => rt.HasStatus && method is "GET" or "PUT" or "PATCH",
            "binding" => rt.ExtraSubresources.Contains("binding") && method == "POST",
            _ => false,
        };
        if (!ok)
        {
            throw new ApiException(404, "NotFound", "the server could not find the requested resource");
        }
    }

    private async Task ListOrWatchAsync(HttpContext ctx, ResourceType rt, string? ns)
    {
        var labels = Selectors.Labels(ctx);
        var fields = Selectors.Fields(ctx);
        if (HttpIo.QueryBool(ctx, "watch"))
        {
            await watches.StreamAsync(ctx, rt, ns, labels, fields, WantsTable(ctx)).ConfigureAwait(false);
            return;
        }

        var limit = (int)Math.Clamp(HttpIo.QueryLong(ctx, "limit") ?? 0, 0, int.MaxValue);
        var continueToken = HttpIo.Query(ctx, "continue");
        if (WantsTable(ctx))
        {
            var list = service.List(rt, ns, labels, fields, limit, continueToken);
            var items = ((JsonArray)list["items"]!).OfType<JsonObject>().ToList();
            var table = tables.Build(rt, items, (JsonObject)list["metadata"]!, HttpIo.Query(ctx, "includeObject") ?? "Metadata");
            await HttpIo.WriteJsonAsync(ctx, 200, table).ConfigureAwait(false);
            return;
        }

        if (rt.IsCustom)
        {
            await HttpIo.WriteJsonAsync(ctx, 200, service.List(rt, ns, labels, fields, limit, continueToken)).ConfigureAwait(false);
            return;
        }

        // Built-in kinds have one version, so stored texts are already in the served form: no re-serialization.
        var (meta, raw) = service.ListRaw(rt, ns, labels, fields, limit, continueToken);
        await HttpIo.WriteRawListAsync(ctx, rt.ListKind, rt.GroupVersion, meta, raw).ConfigureAwait(false);
    }

    private async Task PatchAsync(HttpContext ctx, ResourceType rt, string? ns, RequestInfo info)
    {
        var media = (ctx.Request.ContentType ?? string.Empty).Split(';')[0].Trim();
        var type = media switch
        {
            "application/merge-patch+json" => PatchType.Merge,
            "application/json-patch+json" => PatchType.Json,
            "application/strategic-merge-patch+json" => PatchType.StrategicMerge,
            "application/apply-patch+yaml" => PatchType.Apply,
            _ => throw new ApiException(415, "UnsupportedMediaType",
                $"the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json"),
        };
        var body = HttpIo.ParseBody(await HttpIo.ReadBodyAsync(ctx, maxBodyBytes).ConfigureAwait(false),
            type == PatchType.Apply ? "application/yaml" : "application/json");
        var result = service.Patch(rt, ns, info.Name!, type, body, info.Subresource, WriteOptionsOf(ctx));
        AfterWrite(rt, result.Object);
        await Write(ctx, rt, result).ConfigureAwait(false);
    }

    private async Task DeleteAsync(HttpContext ctx, ResourceType rt, string? ns, string name)
    {
        var options = await ReadDeleteOptionsAsync(ctx).ConfigureAwait(false);
        if (rt.KindKey == BuiltinResources.CrdKindKey && !options.DryRun)
        {
            var crd = service.Get(rt, null, name);
            foreach (var served in CrdDefinition.ToResourceTypes(crd).Take(1))
            {
                service.DeleteCollection(served, null, LabelSelector.Everything, FieldSelector.Everything, new DeleteOptions(GracePeriodSeconds: 0));
            }
        }

        var result = service.Delete(rt, ns, name, options);
        if (rt.KindKey == BuiltinResources.CrdKindKey && service.Store.Get(ResourceService.Key(rt, null, name)) is null)
        {
            crds.Removed(name);
        }

        await Write(ctx, rt, result).ConfigureAwait(false);
    }

    private void AfterWrite(ResourceType rt, JsonObject obj)
    {
        if (rt.KindKey == BuiltinResources.CrdKindKey)
        {
            crds.Sync(obj);
        }
    }

    private async Task Write(HttpContext ctx, ResourceType rt, WriteResult result)
    {
        foreach (var warning in result.Warnings)
        {
            ctx.Response.Headers.Append("Warning", "299 - \"" + warning.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"");
        }

        await RespondAsync(ctx, rt, result.Code, result.Object).ConfigureAwait(false);
    }

    private Task RespondAsync(HttpContext ctx, ResourceType rt, int code, JsonObject obj)
    {
        if (WantsTable(ctx) && obj["kind"]?.ToString() != "Status")
        {
            var meta = new JsonObject { ["resourceVersion"] = obj["metadata"]?["resourceVersion"]?.DeepClone() };
            return HttpIo.WriteJsonAsync(ctx, code, tables.Build(rt, [obj], meta, HttpIo.Query(ctx, "includeObject") ?? "Metadata"));
        }

        return HttpIo.WriteJsonAsync(ctx, code, obj);
    }

    private async Task<JsonObject> ReadObjectAsync(HttpContext ctx)
    {
        var node = HttpIo.ParseBody(await HttpIo.ReadBodyAsync(ctx, maxBodyBytes).ConfigureAwait(false), ctx.Request.ContentType);
        return node as JsonObject ?? throw ApiException.BadRequest("the request body must be a JSON object");
    }

    private async Task<DeleteOptions> ReadDeleteOptionsAsync(HttpContext ctx)
    {
        var bytes = await HttpIo.ReadBodyAsync(ctx, maxBodyBytes).ConfigureAwait(false);
        var body = bytes.Length == 0 ? new JsonObject() : HttpIo.ParseBody(bytes, ctx.Request.ContentType) as JsonObject ?? new JsonObject();
        long? grace = HttpIo.QueryLong(ctx, "gracePeriodSeconds")
            ?? (body["gracePeriodSeconds"] is JsonValue g && g.TryGetValue<long>(out var n) ? n : null);
        var dryRun = HttpIo.Query(ctx, "dryRun") == "All" || (body["dryRun"] as JsonArray)?.Any(d => d?.ToString() == "All") == true;
        return new DeleteOptions(grace, Meta.Str(body["preconditions"]?["uid"]), Meta.Str(body["preconditions"]?["resourceVersion"]), dryRun);
    }

    private static WriteOptions WriteOptionsOf(HttpContext ctx)
    {
        var validation = HttpIo.Query(ctx, "fieldValidation") ?? "Warn";
        if (validation is not ("Strict" or "Warn" or "Ignore"))
        {
            throw ApiException.BadRequest($"fieldValidation must be one of Strict, Warn, Ignore, not \"{validation}\"");
        }

        return new WriteOptions(HttpIo.Query(ctx, "dryRun") == "All", HttpIo.Query(ctx, "fieldManager"), validation, HttpIo.QueryBool(ctx, "force"));
    }

    internal static bool WantsTable(HttpContext ctx) =>
        ctx.Request.Headers.Accept.ToString().Contains("as=Table", StringComparison.Ordinal);
}
