using System.Text.Json.Nodes;
using Actors.Cloud.ApiServer.Http;
using Actors.Cloud.ApiServer.Patch;
using Actors.Cloud.ApiServer.Storage;

namespace Actors.Cloud.ApiServer.Resources;

public sealed partial class ResourceService
{
    /// <summary>
    /// Applies a patch atomically. Server-side apply (simplified): creates the object when absent, otherwise merges the
    /// applied configuration (strategic merge for built-ins, merge patch for CRDs) and records one managedFields entry
    /// per field manager; ownership conflicts are not detected and fields dropped from a later apply are not removed.
    /// </summary>
    public WriteResult Patch(ResourceType rt, string? ns, string name, PatchType type, JsonNode? patch, string? subresource, WriteOptions opts)
    {
        if (type == PatchType.StrategicMerge && !rt.SupportsStrategicMerge)
        {
            throw new ApiException(415, "UnsupportedMediaType",
                $"the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml");
        }

        if (type == PatchType.Apply && string.IsNullOrEmpty(opts.FieldManager))
        {
            throw ApiException.BadRequest("PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for apply patch");
        }

        var warnings = new List<string>();
        var code = 200;
        var result = store.Write(tx =>
        {
            var key = Key(rt, ns, name);
            var existing = tx.Get(key);
            if (existing is null)
            {
                if (type != PatchType.Apply || patch is not JsonObject applied)
                {
                    throw NotFound(rt, name);
                }

                code = 201;
                var body = (JsonObject)applied.DeepClone();
                CheckKind(rt, body);
                CheckNamespace(rt, ns, body);
                RecordManager(body, opts.FieldManager!, rt, applied);
                return CreateIn(tx, rt, ns, body, opts, warnings);
            }

            var patched = ApplyPatch(rt, existing, type, patch) as JsonObject
                ?? throw ApiException.BadRequest("the patch did not produce an object");
            CheckKind(rt, patched);
            if (Meta.Name(patched) != name || (rt.Namespaced && Meta.Namespace(patched) != (ns ?? string.Empty)))
            {
                throw ApiException.BadRequest("metadata.name and metadata.namespace cannot be changed by a patch");
            }

            if (Meta.ResourceVersion(patched) != Meta.ResourceVersion(existing))
            {
                throw ApiException.Conflict(rt.Plural, name, rt.Group);
            }

            if (type == PatchType.Apply)
            {
                RecordManager(patched, opts.FieldManager!, rt, (JsonObject)patch!);
            }

            return Commit(tx, rt, existing, MergeForUpdate(rt, existing, patched, subresource), opts, warnings);
        });
        return new WriteResult(Present(rt, result), code, warnings);
    }

    /// <summary>Binds a pod to a node (the pods/binding subresource); 409 when it is already bound.</summary>
    public WriteResult Bind(ResourceType rt, string? ns, string name, JsonObject binding)
    {
        var node = Meta.Str(binding["target"]?["name"]);
        if (string.IsNullOrEmpty(node))
        {
            throw ApiException.Invalid("Binding", name, string.Empty, [("target.name", "FieldValueRequired", "Required value")]);
        }

        store.Write(tx =>
        {
            var key = Key(rt, ns, name);
            var pod = tx.Get(key) ?? throw NotFound(rt, name);
            var current = Meta.Str(pod["spec"]?["nodeName"]);
            if (!string.IsNullOrEmpty(current))
            {
                throw new ApiException(409, "Conflict", $"Operation cannot be fulfilled on pods/binding \"{name}\": pod {name} is already assigned to node \"{current}\"");
            }

            ((JsonObject)pod["spec"]!)["nodeName"] = node;
            return tx.Put(key, pod);
        });
        return new WriteResult(new JsonObject
        {
            ["kind"] = "Status", ["apiVersion"] = "v1", ["metadata"] = new JsonObject(), ["status"] = "Success", ["code"] = 201,
        }, 201, []);
    }

    private static JsonNode? ApplyPatch(ResourceType rt, JsonObject existing, PatchType type, JsonNode? patch)
    {
        if (type != PatchType.Json && patch is not JsonObject)
        {
            throw ApiException.BadRequest("the patch must be a JSON object");
        }

        return type switch
        {
            PatchType.Merge => JsonMergePatch.Apply(existing, patch),
            PatchType.Json => JsonPatch.Apply(existing, patch),
            PatchType.StrategicMerge => StrategicMergePatch.Apply(existing, patch),
            _ => rt.SupportsStrategicMerge ? StrategicMergePatch.Apply(existing, WithoutRv(patch!)) : JsonMergePatch.Apply(existing, WithoutRv(patch!)),
        };
    }

    private static JsonObject WithoutRv(JsonNode applied)
    {
        var copy = (JsonObject)applied.DeepClone();
        if (copy["metadata"] is JsonObject m)
        {
            m.Remove("resourceVersion");
            m.Remove("managedFields");
        }

        return copy;
    }

    private void RecordManager(JsonObject target, string manager, ResourceType rt, JsonObject applied)
    {
        var meta = Meta.Metadata(target);
        var entries = meta["managedFields"] is JsonArray a
            ? a.OfType<JsonObject>().Where(e => Meta.Str(e["manager"]) != manager).Select(e => (JsonNode)e.DeepClone()).ToList()
            : [];
        entries.Add(new JsonObject
        {
            ["manager"] = manager,
            ["operation"] = "Apply",
            ["apiVersion"] = rt.GroupVersion,
            ["time"] = Meta.Timestamp(time.GetUtcNow()),
            ["fieldsType"] = "FieldsV1",
            ["fieldsV1"] = FieldSet(applied, topLevel: true),
        });
        meta["managedFields"] = new JsonArray(entries.ToArray());
    }

    /// <summary>A simplified FieldsV1 set: "f:name" per object field, lists as leaves.</summary>
    private static JsonObject FieldSet(JsonObject obj, bool topLevel)
    {
        var set = new JsonObject();
        foreach (var (k, v) in obj)
        {
            if (topLevel && k is "apiVersion" or "kind")
            {
                continue;
            }

            if (topLevel && k == "metadata" && v is JsonObject m)
            {
                var metaSet = new JsonObject();
                foreach (var field in new[] { "labels", "annotations" })
                {
                    if (m[field] is JsonObject map)
                    {
                        metaSet["f:" + field] = FieldSet(map, false);
                    }
                }

                set["f:metadata"] = metaSet;
                continue;
            }

            set["f:" + k] = v is JsonObject child ? FieldSet(child, false) : new JsonObject();
        }

        return set;
    }
}
