using System.Text.Json.Nodes;
using Actors.Cloud.ApiServer.Http;
using Actors.Cloud.ApiServer.Storage;

namespace Actors.Cloud.ApiServer.Resources;

/// <summary>Kubernetes object semantics (create, update, patch, delete, list) over the object store.</summary>
public sealed partial class ResourceService(IObjectStore store, ResourceRegistry registry, IAdmission admission, TimeProvider time)
{
    private const string NameChars = "bcdfghjklmnpqrstvwxz2456789";

    public IObjectStore Store => store;

    public ResourceRegistry Registry => registry;

    public JsonObject Get(ResourceType rt, string? ns, string name)
    {
        var obj = store.Get(Key(rt, ns, name)) ?? throw NotFound(rt, name);
        return Present(rt, obj);
    }

    public WriteResult Create(ResourceType rt, string? ns, JsonObject body, WriteOptions opts)
    {
        CheckKind(rt, body);
        CheckNamespace(rt, ns, body);
        var warnings = new List<string>();
        var result = store.Write(tx => CreateIn(tx, rt, ns, body, opts, warnings));
        return new WriteResult(Present(rt, result), 201, warnings);
    }

    public WriteResult Update(ResourceType rt, string? ns, string name, JsonObject body, string? subresource, WriteOptions opts)
    {
        CheckKind(rt, body);
        CheckNamespace(rt, ns, body);
        var bodyName = Meta.Name(body);
        if (bodyName != name)
        {
            throw ApiException.BadRequest($"the name of the object ({bodyName}) does not match the name on the URL ({name})");
        }

        var warnings = new List<string>();
        var result = store.Write(tx =>
        {
            var existing = tx.Get(Key(rt, ns, name)) ?? throw NotFound(rt, name);
            if (!string.IsNullOrEmpty(Meta.ScalarText(body["metadata"]?["resourceVersion"])) && Meta.ResourceVersion(body) != Meta.ResourceVersion(existing))
            {
                throw ApiException.Conflict(rt.Plural, name, rt.Group);
            }

            return Commit(tx, rt, existing, MergeForUpdate(rt, existing, body, subresource), opts, warnings);
        });
        return new WriteResult(Present(rt, result), 200, warnings);
    }

    private JsonObject CreateIn(IStoreTransaction tx, ResourceType rt, string? ns, JsonObject body, WriteOptions opts, List<string> warnings)
    {
        if (rt.Namespaced)
        {
            RequireActiveNamespace(tx, ns!);
        }

        var meta = Meta.Metadata(body);
        var generate = Meta.Str(meta["generateName"]);
        if (string.IsNullOrEmpty(Meta.Str(meta["name"])))
        {
            if (string.IsNullOrEmpty(generate))
            {
                throw ApiException.Invalid(rt.Kind, string.Empty, rt.Group,
                    [("metadata.name", "FieldValueRequired", "Required value: name or generateName is required")]);
            }

            meta["name"] = GenerateName(tx, rt, ns, generate);
        }

        var name = Meta.Name(body);
        admission.ValidateName(rt, name);
        meta["uid"] = Guid.NewGuid().ToString();
        meta["creationTimestamp"] = Meta.Timestamp(time.GetUtcNow());
        meta["generation"] = 1;
        foreach (var field in new[] { "resourceVersion", "deletionTimestamp", "deletionGracePeriodSeconds", "selfLink" })
        {
            meta.Remove(field);
        }

        if (rt.HasStatus && rt.IsCustom)
        {
            body.Remove("status");
        }

        admission.PrepareCreate(tx, rt, body);
        admission.Validate(rt, body, null, opts, warnings);
        var key = Key(rt, ns, name);
        if (tx.Get(key) is not null)
        {
            throw ApiException.AlreadyExists(rt.Plural, name, rt.Group);
        }

        return opts.DryRun ? body : tx.Put(key, body);
    }

    private static string GenerateName(IStoreTransaction tx, ResourceType rt, string? ns, string prefix)
    {
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var suffix = new string(Enumerable.Range(0, 5)
                .Select(_ => NameChars[System.Security.Cryptography.RandomNumberGenerator.GetInt32(NameChars.Length)]).ToArray());
            var candidate = prefix + suffix;
            if (tx.Get(Key(rt, ns, candidate)) is null)
            {
                return candidate;
            }
        }

        throw new ApiException(409, "AlreadyExists", $"could not generate a unique name from \"{prefix}\"");
    }

    /// <summary>Builds the new object for an update: system metadata kept, status kept or taken alone for the status subresource.</summary>
    private static JsonObject MergeForUpdate(ResourceType rt, JsonObject existing, JsonObject body, string? subresource)
    {
        if (subresource == "status")
        {
            var withStatus = (JsonObject)existing.DeepClone();
            withStatus["status"] = body["status"]?.DeepClone();
            return withStatus;
        }

        var updated = (JsonObject)body.DeepClone();
        var meta = Meta.Metadata(updated);
        var old = Meta.Metadata(existing);
        foreach (var field in new[] { "uid", "creationTimestamp", "generation", "deletionTimestamp", "deletionGracePeriodSeconds", "namespace", "name" })
        {
            meta[field] = old[field]?.DeepClone();
            if (meta[field] is null)
            {
                meta.Remove(field);
            }
        }

        meta.Remove("resourceVersion");
        if (!meta.ContainsKey("managedFields") && old["managedFields"] is { } managed)
        {
            meta["managedFields"] = managed.DeepClone();
        }

        if (rt.HasStatus)
        {
            updated["status"] = existing["status"]?.DeepClone();
            if (updated["status"] is null)
            {
                updated.Remove("status");
            }
        }

        return updated;
    }

    /// <summary>Validates and stores an updated object; finishes deletion when its last finalizer went away (and no grace period runs).</summary>
    private JsonObject Commit(IStoreTransaction tx, ResourceType rt, JsonObject existing, JsonObject updated, WriteOptions opts, List<string> warnings)
    {
        if (Meta.IsDeleting(existing) && Meta.Finalizers(updated).Except(Meta.Finalizers(existing)).Any())
        {
            throw ApiException.Invalid(rt.Kind, Meta.Name(existing), rt.Group,
                [("metadata.finalizers", "FieldValueForbidden", "Forbidden: no new finalizers can be added if the object is being deleted")]);
        }

        if (!JsonNode.DeepEquals(WithoutMetaAndStatus(existing), WithoutMetaAndStatus(updated)))
        {
            var generation = existing["metadata"]?["generation"] is JsonValue g && g.TryGetValue<long>(out var n) ? n : 1;
            Meta.Metadata(updated)["generation"] = generation + 1;
        }

        admission.Validate(rt, updated, existing, opts, warnings);
        var key = Key(rt, Meta.Namespace(existing), Meta.Name(existing));
        if (opts.DryRun)
        {
            return updated;
        }

        if (Meta.DeletionDue(updated))
        {
            return FinishDeletion(tx, rt, key, updated);
        }

        Meta.Metadata(updated)["resourceVersion"] = existing["metadata"]?["resourceVersion"]?.DeepClone();
        return JsonNode.DeepEquals(existing, updated) ? existing : tx.Put(key, updated);
    }

    private static JsonObject WithoutMetaAndStatus(JsonObject obj)
    {
        var copy = (JsonObject)obj.DeepClone();
        copy.Remove("metadata");
        copy.Remove("status");
        return copy;
    }

    private static void RequireActiveNamespace(IStoreTransaction tx, string ns)
    {
        var nsObj = tx.Get(new ObjectKey(BuiltinResources.NamespaceKindKey, string.Empty, ns))
            ?? throw ApiException.NotFound("namespaces", ns);
        if (Meta.IsDeleting(nsObj))
        {
            throw new ApiException(403, "Forbidden", $"unable to create new content in namespace {ns} because it is being terminated");
        }
    }

    internal static ObjectKey Key(ResourceType rt, string? ns, string name) =>
        new(rt.KindKey, rt.Namespaced ? ns ?? string.Empty : string.Empty, name);

    private static ApiException NotFound(ResourceType rt, string name) => ApiException.NotFound(rt.Plural, name, rt.Group);

    /// <summary>Objects are stored once per group/plural; they are presented in the version that was asked for.</summary>
    private static JsonObject Present(ResourceType rt, JsonObject obj)
    {
        obj["apiVersion"] = rt.GroupVersion;
        obj["kind"] = rt.Kind;
        return obj;
    }

    private static void CheckKind(ResourceType rt, JsonObject body)
    {
        var kind = Meta.Str(body["kind"]);
        var apiVersion = Meta.Str(body["apiVersion"]);
        if (kind is not null && kind != rt.Kind)
        {
            throw ApiException.BadRequest($"the kind of the provided object ({kind}) does not match the resource's kind ({rt.Kind})");
        }

        if (apiVersion is not null && apiVersion != rt.GroupVersion)
        {
            throw ApiException.BadRequest($"the API version in the data ({apiVersion}) does not match the expected API version ({rt.GroupVersion})");
        }

        body["kind"] = rt.Kind;
        body["apiVersion"] = rt.GroupVersion;
    }

    private static void CheckNamespace(ResourceType rt, string? ns, JsonObject body)
    {
        var meta = Meta.Metadata(body);
        var bodyNs = Meta.Str(meta["namespace"]);
        if (!rt.Namespaced)
        {
            meta.Remove("namespace");
            return;
        }

        if (!string.IsNullOrEmpty(bodyNs) && bodyNs != ns)
        {
            throw ApiException.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
        }

        meta["namespace"] = ns;
    }
}
