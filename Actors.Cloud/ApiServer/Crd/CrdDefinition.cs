using System.Text.Json.Nodes;
using Actors.Cloud.ApiServer.Resources;
using Actors.Cloud.ApiServer.Storage;

namespace Actors.Cloud.ApiServer.Crd;

/// <summary>Reads a CustomResourceDefinition (apiextensions.k8s.io/v1) object: validation and the resources it serves.</summary>
public static class CrdDefinition
{
    public static void Validate(JsonObject crd, List<(string Field, string Type, string Message)> causes)
    {
        var spec = crd["spec"] as JsonObject;
        var group = Meta.Str(spec?["group"]);
        var plural = Meta.Str(spec?["names"]?["plural"]);
        var kind = Meta.Str(spec?["names"]?["kind"]);
        var scope = Meta.Str(spec?["scope"]);
        if (string.IsNullOrEmpty(group)) causes.Add(("spec.group", "FieldValueRequired", "Required value"));
        if (string.IsNullOrEmpty(plural)) causes.Add(("spec.names.plural", "FieldValueRequired", "Required value"));
        if (string.IsNullOrEmpty(kind)) causes.Add(("spec.names.kind", "FieldValueRequired", "Required value"));
        if (scope is not ("Namespaced" or "Cluster")) causes.Add(("spec.scope", "FieldValueNotSupported", "Unsupported value: supported values: \"Cluster\", \"Namespaced\""));
        if (group is not null && plural is not null && Meta.Name(crd) != plural + "." + group)
        {
            causes.Add(("metadata.name", "FieldValueInvalid", $"Invalid value: \"{Meta.Name(crd)}\": must be spec.names.plural+\".\"+spec.group"));
        }

        if (spec?["versions"] is not JsonArray versions || versions.Count == 0)
        {
            causes.Add(("spec.versions", "FieldValueRequired", "Required value: must have exactly one version marked as storage version"));
            return;
        }

        if (versions.OfType<JsonObject>().Count(v => v["storage"]?.GetValue<bool>() == true) != 1)
        {
            causes.Add(("spec.versions", "FieldValueInvalid", "Invalid value: must have exactly one version marked as storage version"));
        }

        for (var i = 0; i < versions.Count; i++)
        {
            if (string.IsNullOrEmpty(Meta.Str(versions[i]?["name"])))
            {
                causes.Add(($"spec.versions[{i}].name", "FieldValueRequired", "Required value"));
            }

            if (versions[i]?["schema"]?["openAPIV3Schema"] is not JsonObject)
            {
                causes.Add(($"spec.versions[{i}].schema.openAPIV3Schema", "FieldValueRequired", "Required value: schemas are required"));
            }
        }
    }

    /// <summary>The status a CRD gets on create: names accepted and established at once.</summary>
    public static JsonObject InitialStatus(JsonObject crd, string now)
    {
        var spec = crd["spec"];
        var storage = (spec?["versions"] as JsonArray)?.OfType<JsonObject>()
            .FirstOrDefault(v => v["storage"]?.GetValue<bool>() == true)?["name"]?.DeepClone();
        JsonNode Condition(string type, string reason) => new JsonObject
        {
            ["type"] = type, ["status"] = "True", ["lastTransitionTime"] = now, ["reason"] = reason, ["message"] = string.Empty,
        };
        return new JsonObject
        {
            ["conditions"] = new JsonArray(Condition("NamesAccepted", "NoConflicts"), Condition("Established", "InitialNamesAccepted")),
            ["acceptedNames"] = spec?["names"]?.DeepClone(),
            ["storedVersions"] = new JsonArray(storage),
        };
    }

    /// <summary>One resource type per served version.</summary>
    public static IReadOnlyList<ResourceType> ToResourceTypes(JsonObject crd)
    {
        var spec = crd["spec"]!;
        var names = spec["names"]!;
        return ((JsonArray)spec["versions"]!).OfType<JsonObject>()
            .Where(v => v["served"]?.GetValue<bool>() != false)
            .Select(v => new ResourceType
            {
                Group = Meta.Str(spec["group"])!,
                Version = Meta.Str(v["name"])!,
                Plural = Meta.Str(names["plural"])!,
                Kind = Meta.Str(names["kind"])!,
                Namespaced = Meta.Str(spec["scope"]) == "Namespaced",
                ShortNames = Strings(names["shortNames"]),
                Categories = Strings(names["categories"]),
                HasStatus = v["subresources"]?["status"] is not null,
                Columns = Columns(v["additionalPrinterColumns"]),
                Schema = v["schema"]?["openAPIV3Schema"]?.DeepClone() as JsonObject,
                IsCustom = true,
            }).ToList();
    }

    private static List<string> Strings(JsonNode? node) =>
        node is JsonArray a ? a.Select(Meta.Str).OfType<string>().ToList() : [];

    private static List<PrinterColumn> Columns(JsonNode? node) =>
        node is JsonArray a
            ? a.OfType<JsonObject>().Select(c => new PrinterColumn(
                Meta.Str(c["name"]) ?? string.Empty,
                Meta.Str(c["type"]) ?? "string",
                Meta.Str(c["jsonPath"]),
                c["priority"] is JsonValue p && p.TryGetValue<int>(out var pr) ? pr : 0,
                Meta.Str(c["description"]) ?? string.Empty,
                Meta.Str(c["format"]) ?? string.Empty)).ToList()
            : [];
}
