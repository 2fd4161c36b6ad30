using System.Text;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using Actors.Cloud.ApiServer.Crd;
using Actors.Cloud.ApiServer.Http;
using Actors.Cloud.ApiServer.Storage;

namespace Actors.Cloud.ApiServer.Resources;

/// <summary>Defaulting and validation of the built-in kinds, and schema validation for custom resources.</summary>
public sealed partial class Admission : IAdmission
{
    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex Subdomain();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Label();

    public void ValidateName(ResourceType rt, string name)
    {
        var labelOnly = rt.KindKey is "core/namespaces" or "core/services";
        var ok = labelOnly ? name.Length <= 63 && Label().IsMatch(name) : name.Length <= 253 && Subdomain().IsMatch(name);
        if (!ok)
        {
            var what = labelOnly ? "a lowercase RFC 1123 label" : "a lowercase RFC 1123 subdomain";
            throw ApiException.Invalid(rt.Kind, name, rt.Group, [("metadata.name", "FieldValueInvalid",
                $"Invalid value: \"{name}\": must be {what} (lowercase alphanumerics, '-' and '.', starting and ending alphanumeric)")]);
        }
    }

    public void PrepareCreate(IStoreTransaction tx, ResourceType rt, JsonObject obj)
    {
        switch (rt.KindKey)
        {
            case "core/pods":
                var spec = obj["spec"] as JsonObject ?? new JsonObject();
                obj["spec"] = spec;
                spec["restartPolicy"] ??= "Always";
                spec["terminationGracePeriodSeconds"] ??= 30;
                spec["dnsPolicy"] ??= "ClusterFirst";
                DefaultContainers(spec);
                obj["status"] = new JsonObject { ["phase"] = "Pending", ["qosClass"] = "BestEffort" };
                break;
            case "core/namespaces":
                obj["spec"] = new JsonObject { ["finalizers"] = new JsonArray("kubernetes") };
                obj["status"] = new JsonObject { ["phase"] = "Active" };
                var labels = Meta.Metadata(obj)["labels"] as JsonObject ?? new JsonObject();
                labels["kubernetes.io/metadata.name"] = Meta.Name(obj);
                Meta.Metadata(obj)["labels"] = labels;
                break;
            case "core/secrets":
                if (string.IsNullOrEmpty(Meta.Str(obj["type"])))
                {
                    obj["type"] = "Opaque";
                }

                break;
            case "core/services":
                ServiceDefaults.Apply(tx, obj);
                break;
            case BuiltinResources.CrdKindKey:
                obj["status"] = CrdDefinition.InitialStatus(obj, Meta.Str(Meta.Metadata(obj)["creationTimestamp"]) ?? string.Empty);
                break;
        }
    }

    public void Validate(ResourceType rt, JsonObject obj, JsonObject? old, WriteOptions opts, List<string> warnings)
    {
        var causes = new List<(string, string, string)>();
        switch (rt.KindKey)
        {
            case "core/pods": ValidatePod(obj, causes); break;
            case "core/configmaps": ValidateStringMap(obj, "data", causes); break;
            case "core/secrets": NormalizeSecret(obj, causes); break;
            case BuiltinResources.CrdKindKey: CrdDefinition.Validate(obj, causes); break;
        }

        if (rt.IsCustom && rt.Schema is not null)
        {
            SchemaValidator.ValidateObject(rt.Schema, obj, opts.FieldValidation, causes, warnings);
        }

        if (causes.Count > 0)
        {
            throw ApiException.Invalid(rt.Kind, Meta.Name(obj), rt.Group, causes);
        }
    }

    private static void DefaultContainers(JsonObject spec)
    {
        foreach (var list in new[] { spec["containers"], spec["initContainers"] })
        {
            foreach (var c in (list as JsonArray)?.OfType<JsonObject>() ?? [])
            {
                var image = Meta.Str(c["image"]) ?? string.Empty;
                c["imagePullPolicy"] ??= image.EndsWith(":latest", StringComparison.Ordinal) || !image.Contains(':', StringComparison.Ordinal) ? "Always" : "IfNotPresent";
                c["terminationMessagePath"] ??= "/dev/termination-log";
                foreach (var port in (c["ports"] as JsonArray)?.OfType<JsonObject>() ?? [])
                {
                    port["protocol"] ??= "TCP";
                }
            }
        }
    }

    private static void ValidatePod(JsonObject pod, List<(string, string, string)> causes)
    {
        if (pod["spec"]?["containers"] is not JsonArray containers || containers.Count == 0)
        {
            causes.Add(("spec.containers", "FieldValueRequired", "Required value"));
            return;
        }

        for (var i = 0; i < containers.Count; i++)
        {
            var c = containers[i] as JsonObject;
            var name = Meta.Str(c?["name"]);
            if (string.IsNullOrEmpty(name) || !Label().IsMatch(name))
            {
                causes.Add(($"spec.containers[{i}].name", "FieldValueRequired", "Required value: a lowercase RFC 1123 label"));
            }

            if (string.IsNullOrEmpty(Meta.Str(c?["image"])))
            {
                causes.Add(($"spec.containers[{i}].image", "FieldValueRequired", "Required value"));
            }
        }
    }

    private static void ValidateStringMap(JsonObject obj, string field, List<(string, string, string)> causes)
    {
        if (obj[field] is null)
        {
            return;
        }

        if (obj[field] is not JsonObject map)
        {
            causes.Add((field, "FieldValueInvalid", "Invalid value: must be a map of strings"));
            return;
        }

        foreach (var (k, v) in map)
        {
            if (Meta.Str(v) is null)
            {
                causes.Add(($"{field}[{k}]", "FieldValueInvalid", "Invalid value: must be a string"));
            }
        }
    }

    private static void NormalizeSecret(JsonObject secret, List<(string, string, string)> causes)
    {
        ValidateStringMap(secret, "stringData", causes);
        ValidateStringMap(secret, "data", causes);
        if (causes.Count > 0)
        {
            return;
        }

        var data = secret["data"] as JsonObject ?? new JsonObject();
        foreach (var (k, v) in data)
        {
            var buffer = new byte[Meta.Str(v)!.Length];
            if (!Convert.TryFromBase64String(Meta.Str(v)!, buffer, out _))
            {
                causes.Add(($"data[{k}]", "FieldValueInvalid", "Invalid value: must be base64-encoded"));
            }
        }

        if (secret["stringData"] is JsonObject plain)
        {
            foreach (var (k, v) in plain)
            {
                data[k] = Convert.ToBase64String(Encoding.UTF8.GetBytes(Meta.Str(v)!));
            }

            secret.Remove("stringData");
            secret["data"] = data;
        }
    }
}
