using System.Text.Json.Nodes;
using Actors.Cloud.ApiServer.Resources;

namespace Actors.Cloud.ApiServer.Discovery;

/// <summary>Builds the discovery documents (legacy and aggregated v2/v2beta1) from the registry.</summary>
public sealed class DiscoveryDocuments(ResourceRegistry registry, string serverAddress)
{
    public const string KubernetesVersion = "v1.32.0";

    public static JsonObject Version() => new()
    {
        ["major"] = "1",
        ["minor"] = "32",
        ["gitVersion"] = KubernetesVersion + "+edgeactors",
        ["gitCommit"] = "0000000000000000000000000000000000000000",
        ["gitTreeState"] = "clean",
        ["buildDate"] = "2026-01-01T00:00:00Z",
        ["goVersion"] = "n/a",
        ["compiler"] = "dotnet",
        ["platform"] = "linux/amd64",
    };

    public JsonObject CoreVersions() => new()
    {
        ["kind"] = "APIVersions",
        ["versions"] = new JsonArray("v1"),
        ["serverAddressByClientCIDRs"] = new JsonArray(new JsonObject { ["clientCIDR"] = "0.0.0.0/0", ["serverAddress"] = serverAddress }),
    };

    public JsonObject Groups() => new()
    {
        ["kind"] = "APIGroupList",
        ["apiVersion"] = "v1",
        ["groups"] = new JsonArray(registry.Groups().Where(g => g.Group.Length > 0).Select(g => (JsonNode)new JsonObject
        {
            ["name"] = g.Group,
            ["versions"] = new JsonArray(g.Versions.Select(v => (JsonNode)GroupVersion(g.Group, v)).ToArray()),
            ["preferredVersion"] = GroupVersion(g.Group, g.Versions[0]),
        }).ToArray()),
    };

    /// <summary>The APIGroup document of one group (GET /apis/group), or null when unknown.</summary>
    public JsonObject? Group(string group)
    {
        var g = registry.Groups().FirstOrDefault(x => x.Group == group);
        return g.Versions is null ? null : new JsonObject
        {
            ["kind"] = "APIGroup",
            ["apiVersion"] = "v1",
            ["name"] = group,
            ["versions"] = new JsonArray(g.Versions.Select(v => (JsonNode)GroupVersion(group, v)).ToArray()),
            ["preferredVersion"] = GroupVersion(group, g.Versions[0]),
        };
    }

    /// <summary>The APIResourceList of one group/version, or null when nothing is served there.</summary>
    public JsonObject? Resources(string group, string version)
    {
        var types = registry.All.Where(r => r.Group == group && r.Version == version).ToList();
        if (types.Count == 0)
        {
            return null;
        }

        var list = new JsonArray();
        foreach (var rt in types)
        {
            list.Add(new JsonObject
            {
                ["name"] = rt.Plural,
                ["singularName"] = rt.Singular,
                ["namespaced"] = rt.Namespaced,
                ["kind"] = rt.Kind,
                ["verbs"] = Strings(ResourceType.AllVerbs),
                ["shortNames"] = Strings(rt.ShortNames),
                ["categories"] = Strings(rt.Categories),
            });
            foreach (var (sub, kind, verbs) in Subresources(rt))
            {
                list.Add(new JsonObject
                {
                    ["name"] = rt.Plural + "/" + sub, ["singularName"] = string.Empty, ["namespaced"] = rt.Namespaced,
                    ["kind"] = kind, ["verbs"] = Strings(verbs),
                });
            }
        }

        return new JsonObject
        {
            ["kind"] = "APIResourceList",
            ["apiVersion"] = "v1",
            ["groupVersion"] = group.Length == 0 ? version : group + "/" + version,
            ["resources"] = list,
        };
    }

    /// <summary>Aggregated discovery (apidiscovery.k8s.io v2 or v2beta1) for /api (core) or /apis (groups).</summary>
    public JsonObject Aggregated(bool core, string apiVersion)
    {
        var groups = registry.Groups().Where(g => (g.Group.Length == 0) == core);
        return new JsonObject
        {
            ["kind"] = "APIGroupDiscoveryList",
            ["apiVersion"] = apiVersion,
            ["metadata"] = new JsonObject(),
            ["items"] = new JsonArray(groups.Select(g => (JsonNode)new JsonObject
            {
                ["metadata"] = g.Group.Length == 0 ? new JsonObject() : new JsonObject { ["name"] = g.Group },
                ["versions"] = new JsonArray(g.Versions.Select(v => (JsonNode)new JsonObject
                {
                    ["version"] = v,
                    ["resources"] = new JsonArray(registry.All.Where(r => r.Group == g.Group && r.Version == v)
                        .Select(r => (JsonNode)AggregatedResource(r)).ToArray()),
                    ["freshness"] = "Current",
                }).ToArray()),
            }).ToArray()),
        };
    }

    private static JsonObject AggregatedResource(ResourceType rt) => new()
    {
        ["resource"] = rt.Plural,
        ["responseKind"] = new JsonObject { ["group"] = rt.Group, ["version"] = rt.Version, ["kind"] = rt.Kind },
        ["scope"] = rt.Namespaced ? "Namespaced" : "Cluster",
        ["singularResource"] = rt.Singular,
        ["verbs"] = Strings(ResourceType.AllVerbs),
        ["shortNames"] = Strings(rt.ShortNames),
        ["categories"] = Strings(rt.Categories),
        ["subresources"] = new JsonArray(Subresources(rt).Select(s => (JsonNode)new JsonObject
        {
            ["subresource"] = s.Name,
            ["responseKind"] = new JsonObject { ["group"] = s.Kind == "Binding" ? string.Empty : rt.Group, ["version"] = rt.Version, ["kind"] = s.Kind },
            ["verbs"] = Strings(s.Verbs),
        }).ToArray()),
    };

    private static IEnumerable<(string Name, string Kind, IReadOnlyList<string> Verbs)> Subresources(ResourceType rt)
    {
        if (rt.HasStatus)
        {
            yield return ("status", rt.Kind, ["get", "patch", "update"]);
        }

        foreach (var extra in rt.ExtraSubresources)
        {
            yield return (extra, extra == "binding" ? "Binding" : rt.Kind, ["create"]);
        }
    }

    private static JsonObject GroupVersion(string group, string version) =>
        new() { ["groupVersion"] = group + "/" + version, ["version"] = version };

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());
}
