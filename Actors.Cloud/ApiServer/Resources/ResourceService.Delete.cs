using System.Text.Json.Nodes;
using Actors.Cloud.ApiServer.Http;
using Actors.Cloud.ApiServer.Storage;
using Actors.Messages.Kubernetes;

namespace Actors.Cloud.ApiServer.Resources;

public sealed partial class ResourceService
{
    /// <summary>
    /// Deletes an object. With finalizers it only gets a deletionTimestamp (removed when the last finalizer goes);
    /// a pod bound to a node is deleted gracefully (deletionTimestamp, then a delete with grace period 0 removes it);
    /// a namespace turns Terminating and its content is deleted.
    /// </summary>
    public WriteResult Delete(ResourceType rt, string? ns, string name, DeleteOptions opts)
    {
        var result = store.Write(tx =>
        {
            var key = Key(rt, ns, name);
            var existing = tx.Get(key) ?? throw NotFound(rt, name);
            CheckPreconditions(rt, existing, opts);
            if (opts.DryRun)
            {
                return existing;
            }

            if (rt.KindKey == BuiltinResources.NamespaceKindKey)
            {
                return TerminateNamespace(tx, existing);
            }

            return DeleteIn(tx, rt, key, existing, opts.GracePeriodSeconds);
        });
        return new WriteResult(Present(rt, result), 200, []);
    }

    /// <summary>Deletes every object of a kind matching the selectors; returns the list of affected objects.</summary>
    public JsonObject DeleteCollection(ResourceType rt, string? ns, LabelSelector labels, FieldSelector fields, DeleteOptions opts)
    {
        var items = store.Write(tx => tx.List(rt.KindKey, rt.Namespaced ? ns : null)
            .Where(o => labels.Matches(Meta.Labels(o)) && fields.Matches(o))
            .Select(o => opts.DryRun ? o : DeleteIn(tx, rt, Key(rt, Meta.Namespace(o), Meta.Name(o)), o, opts.GracePeriodSeconds))
            .ToList());
        return new JsonObject
        {
            ["kind"] = rt.ListKind,
            ["apiVersion"] = rt.GroupVersion,
            ["metadata"] = new JsonObject { ["resourceVersion"] = store.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            ["items"] = new JsonArray(items.Select(i => (JsonNode)Present(rt, i)).ToArray()),
        };
    }

    private JsonObject DeleteIn(IStoreTransaction tx, ResourceType rt, ObjectKey key, JsonObject existing, long? grace)
    {
        var meta = Meta.Metadata(existing);
        if (Meta.Finalizers(existing).Count > 0)
        {
            if (Meta.IsDeleting(existing))
            {
                return existing;
            }

            meta["deletionTimestamp"] = Meta.Timestamp(time.GetUtcNow());
            meta["deletionGracePeriodSeconds"] = 0;
            return tx.Put(key, existing);
        }

        if (rt.KindKey == "core/pods" && GracefulPeriod(existing, grace) is { } seconds)
        {
            // A second delete may only shorten a running grace period (as the kube-apiserver does).
            if (Meta.IsDeleting(existing) && !(meta["deletionGracePeriodSeconds"] is JsonValue current
                && current.TryGetValue<long>(out var running) && seconds < running))
            {
                return existing;
            }

            meta["deletionTimestamp"] = Meta.Timestamp(time.GetUtcNow().AddSeconds(seconds));
            meta["deletionGracePeriodSeconds"] = seconds;
            return tx.Put(key, existing);
        }

        return FinishDeletion(tx, rt, key, existing);
    }

    /// <summary>A pod bound to a node waits for its node agent unless the grace period is 0.</summary>
    private static long? GracefulPeriod(JsonObject pod, long? grace)
    {
        if (string.IsNullOrEmpty(Meta.Str(pod["spec"]?["nodeName"])) || grace == 0)
        {
            return null;
        }

        return grace ?? (pod["spec"]?["terminationGracePeriodSeconds"] is JsonValue v && v.TryGetValue<long>(out var t) ? t : 30);
    }

    private static JsonObject FinishDeletion(IStoreTransaction tx, ResourceType rt, ObjectKey key, JsonObject obj)
    {
        if (rt.KindKey == BuiltinResources.NamespaceKindKey && tx.KeysInNamespace(key.Name).Count > 0)
        {
            return tx.Put(key, obj);
        }

        var deleted = tx.Delete(key, obj);
        if (key.Namespace.Length > 0)
        {
            TryFinalizeNamespace(tx, key.Namespace);
        }

        return deleted;
    }

    private JsonObject TerminateNamespace(IStoreTransaction tx, JsonObject nsObj)
    {
        var name = Meta.Name(nsObj);
        var nsKey = new ObjectKey(BuiltinResources.NamespaceKindKey, string.Empty, name);
        if (!Meta.IsDeleting(nsObj))
        {
            Meta.Metadata(nsObj)["deletionTimestamp"] = Meta.Timestamp(time.GetUtcNow());
            nsObj["status"] = new JsonObject { ["phase"] = "Terminating" };
            nsObj = tx.Put(nsKey, nsObj);
        }

        foreach (var key in tx.KeysInNamespace(name))
        {
            if (tx.Get(key) is not { } child)
            {
                continue;
            }

            if (Meta.Finalizers(child).Count == 0)
            {
                tx.Delete(key, child);
            }
            else if (!Meta.IsDeleting(child))
            {
                Meta.Metadata(child)["deletionTimestamp"] = Meta.Timestamp(time.GetUtcNow());
                tx.Put(key, child);
            }
        }

        return TryFinalizeNamespace(tx, name) ?? nsObj;
    }

    /// <summary>Removes a terminating namespace once it is empty and has no finalizers; returns the deleted object or null.</summary>
    private static JsonObject? TryFinalizeNamespace(IStoreTransaction tx, string ns)
    {
        var nsKey = new ObjectKey(BuiltinResources.NamespaceKindKey, string.Empty, ns);
        if (tx.Get(nsKey) is not { } nsObj || !Meta.IsDeleting(nsObj) || Meta.Finalizers(nsObj).Count > 0
            || tx.KeysInNamespace(ns).Count > 0)
        {
            return null;
        }

        return tx.Delete(nsKey, nsObj);
    }

    private static void CheckPreconditions(ResourceType rt, JsonObject existing, DeleteOptions opts)
    {
        var name = Meta.Name(existing);
        var uid = Meta.Str(existing["metadata"]?["uid"]);
        if (opts.PreconditionUid is { } wantUid && wantUid != uid)
        {
            throw new ApiException(409, "Conflict",
                $"Precondition failed: UID in precondition: {wantUid}, UID in object meta: {uid}",
                new JsonObject { ["name"] = name, ["kind"] = rt.Plural });
        }

        var rv = existing["metadata"]?["resourceVersion"]?.ToString();
        if (opts.PreconditionResourceVersion is { } wantRv && wantRv != rv)
        {
            throw new ApiException(409, "Conflict",
                $"Precondition failed: ResourceVersion in precondition: {wantRv}, ResourceVersion in object meta: {rv}",
                new JsonObject { ["name"] = name, ["kind"] = rt.Plural });
        }
    }
}
