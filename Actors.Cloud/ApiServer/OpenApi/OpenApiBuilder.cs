using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Actors.Cloud.ApiServer.Resources;

namespace Actors.Cloud.ApiServer.OpenApi;

/// <summary>
/// Generates OpenAPI v3 (root index + one document per group/version) and a Swagger 2.0 document from the registry.
/// Every PATCH operation lists the fieldValidation query parameter, so kubectl validates server-side.
/// </summary>
public sealed class OpenApiBuilder(ResourceRegistry registry)
{
    private static readonly string[] WriteParams = ["dryRun", "fieldManager", "fieldValidation"];
    private const string MetaName = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";

    public JsonObject V3Root()
    {
        var paths = new JsonObject();
        foreach (var (group, versions) in registry.Groups())
        {
            foreach (var version in versions)
            {
                var key = GvPath(group, version);
                var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(V3Document(group, version)!.ToJsonString())))[..32];
                paths[key] = new JsonObject { ["serverRelativeURL"] = "/openapi/v3/" + key + "?hash=" + hash };
            }
        }

        return new JsonObject { ["paths"] = paths };
    }

    /// <summary>The v3 document for "api/v1" or "apis/group/version", or null.</summary>
    public JsonObject? V3DocumentFor(string path)
    {
        var parts = path.Trim('/').Split('/');
        return parts switch
        {
            ["api", var v] => V3Document(string.Empty, v),
            ["apis", var g, var v] => V3Document(g, v),
            _ => null,
        };
    }

    public JsonObject? V3Document(string group, string version)
    {
        var types = registry.All.Where(r => r.Group == group && r.Version == version).ToList();
        if (types.Count == 0)
        {
            return null;
        }

        var schemas = new JsonObject { [MetaName] = ObjectMetaSchema() };
        var paths = new JsonObject();
        foreach (var rt in types)
        {
            schemas[SchemaName(rt)] = KindSchema(rt);
            AddPaths(paths, rt, "#/components/schemas/" + SchemaName(rt));
        }

        return new JsonObject
        {
            ["openapi"] = "3.0.0",
            ["info"] = new JsonObject { ["title"] = "Kubernetes", ["version"] = "v1.32.0" },
            ["paths"] = paths,
            ["components"] = new JsonObject { ["schemas"] = schemas },
        };
    }

    /// <summary>Swagger 2.0 of everything served (refs rewritten to #/definitions, v3-only keywords dropped).</summary>
    public JsonObject V2Document()
    {
        var definitions = new JsonObject { [MetaName] = ToV2(ObjectMetaSchema()) };
        var paths = new JsonObject();
        foreach (var rt in registry.All)
        {
            definitions[SchemaName(rt)] = ToV2(KindSchema(rt));
            AddPaths(paths, rt, "#/definitions/" + SchemaName(rt), swagger2: true);
        }

        return new JsonObject
        {
            ["swagger"] = "2.0",
            ["info"] = new JsonObject { ["title"] = "Kubernetes", ["version"] = "v1.32.0" },
            ["paths"] = paths,
            ["definitions"] = definitions,
        };
    }

    public static string SchemaName(ResourceType rt)
    {
        if (rt.IsCustom)
        {
            return string.Join('.', rt.Group.Split('.').Reverse()) + "." + rt.Version + "." + rt.Kind;
        }

        return rt.Group switch
        {
            "" => "io.k8s.api.core.v1." + rt.Kind,
            "apiextensions.k8s.io" => "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1." + rt.Kind,
            _ => "io.k8s.api." + rt.Group.Split('.')[0] + "." + rt.Version + "." + rt.Kind,
        };
    }

    private static string GvPath(string group, string version) => group.Length == 0 ? "api/" + version : "apis/" + group + "/" + version;

    private static JsonObject KindSchema(ResourceType rt)
    {
        var schema = (JsonObject?)rt.Schema?.DeepClone() ?? new JsonObject { ["type"] = "object" };
        schema["type"] ??= "object";
        var props = schema["properties"] as JsonObject ?? new JsonObject();
        schema["properties"] = props;
        props["apiVersion"] ??= S.Str("APIVersion defines the versioned schema of this representation of an object.");
        props["kind"] ??= S.Str("Kind is a string value representing the REST resource this object represents.");
        props["metadata"] = S.Ref(MetaName, "Standard object's metadata.");
        schema["x-kubernetes-group-version-kind"] = new JsonArray(new JsonObject
        {
            ["group"] = rt.Group, ["kind"] = rt.Kind, ["version"] = rt.Version,
        });
        return schema;
    }

    private static JsonObject ObjectMetaSchema() => S.Obj("ObjectMeta is metadata that all persisted resources must have.",
        ("name", S.Str("Name must be unique within a namespace.")), ("generateName", S.Str("Prefix for a server-generated name.")),
        ("namespace", S.Str("Namespace of the object.")), ("uid", S.Str("Unique id, set by the server.")),
        ("resourceVersion", S.Str("Opaque version for optimistic concurrency.")), ("generation", S.Int("Generation of the desired state.")),
        ("creationTimestamp", S.Time("Creation time.")), ("deletionTimestamp", S.Time("Deletion time.")),
        ("deletionGracePeriodSeconds", S.Int("Grace period.")), ("labels", S.Map("Labels.")), ("annotations", S.Map("Annotations.")),
        ("finalizers", S.StrList("Finalizers.")), ("ownerReferences", S.Arr("Owners.", S.Any("An owner reference."))),
        ("managedFields", S.Arr("Field ownership.", S.Any("A managed fields entry."))));

    private static void AddPaths(JsonObject paths, ResourceType rt, string schemaRef, bool swagger2 = false)
    {
        var prefix = "/" + GvPath(rt.Group, rt.Version) + (rt.Namespaced ? "/namespaces/{namespace}/" : "/") + rt.Plural;
        var gvk = new JsonObject { ["group"] = rt.Group, ["kind"] = rt.Kind, ["version"] = rt.Version };
        JsonObject Op(string action, bool withValidation) =>
            Operation(rt, action, gvk, schemaRef, withValidation, swagger2);
        paths[prefix] = new JsonObject
        {
            ["get"] = Op("list", false), ["post"] = Op("post", true),
            ["parameters"] = PathParams(rt.Namespaced, false, swagger2),
        };
        paths[prefix + "/{name}"] = new JsonObject
        {
            ["get"] = Op("get", false), ["put"] = Op("put", true), ["patch"] = Op("patch", true), ["delete"] = Op("delete", false),
            ["parameters"] = PathParams(rt.Namespaced, true, swagger2),
        };
        if (rt.HasStatus)
        {
            paths[prefix + "/{name}/status"] = new JsonObject
            {
                ["get"] = Op("get", false), ["put"] = Op("put", true), ["patch"] = Op("patch", true),
                ["parameters"] = PathParams(rt.Namespaced, true, swagger2),
            };
        }
    }

    private static JsonObject Operation(ResourceType rt, string action, JsonObject gvk, string schemaRef, bool withValidation, bool swagger2)
    {
        var parameters = new JsonArray();
        if (withValidation)
        {
            foreach (var name in WriteParams)
            {
                parameters.Add(swagger2
                    ? new JsonObject { ["name"] = name, ["in"] = "query", ["type"] = "string", ["uniqueItems"] = true }
                    : new JsonObject { ["name"] = name, ["in"] = "query", ["schema"] = new JsonObject { ["type"] = "string", ["uniqueItems"] = true } });
            }
        }

        var schema = new JsonObject { ["$ref"] = schemaRef };
        var ok = swagger2
            ? new JsonObject { ["description"] = "OK", ["schema"] = schema }
            : new JsonObject { ["description"] = "OK", ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = schema } } };
        return new JsonObject
        {
            ["description"] = action + " " + rt.Kind,
            ["operationId"] = action + rt.Group.Replace(".", string.Empty, StringComparison.Ordinal) + rt.Version + rt.Kind,
            ["parameters"] = parameters,
            ["responses"] = new JsonObject { ["200"] = ok },
            ["x-kubernetes-action"] = action,
            ["x-kubernetes-group-version-kind"] = gvk.DeepClone(),
        };
    }

    private static JsonArray PathParams(bool namespaced, bool named, bool swagger2)
    {
        var list = new JsonArray();
        var names = new List<string>();
        if (namespaced)
        {
            names.Add("namespace");
        }

        if (named)
        {
            names.Add("name");
        }

        foreach (var name in names)
        {
            list.Add(swagger2
                ? new JsonObject { ["name"] = name, ["in"] = "path", ["required"] = true, ["type"] = "string", ["uniqueItems"] = true }
                : new JsonObject { ["name"] = name, ["in"] = "path", ["required"] = true, ["schema"] = new JsonObject { ["type"] = "string" } });
        }

        return list;
    }

    private static JsonNode? ToV2(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.Where(kv => kv.Key is not ("nullable" or "anyOf" or "oneOf" or "not"))
            .Select(kv => KeyValuePair.Create(kv.Key, kv.Key == "$ref"
                ? JsonValue.Create(kv.Value!.GetValue<string>().Replace("#/components/schemas/", "#/definitions/", StringComparison.Ordinal))
                : ToV2(kv.Value)))),
        JsonArray a => new JsonArray(a.Select(ToV2).ToArray()),
        _ => node?.DeepClone(),
    };
}
