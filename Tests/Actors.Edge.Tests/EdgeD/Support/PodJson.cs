using System.Text.Json.Nodes;

namespace Actors.Edge.Tests.EdgeD.Support;

/// <summary>Builds Pod JSON for tests.</summary>
internal static class PodJson
{
    public static JsonObject Pod(string name, string restartPolicy, params JsonObject[] containers) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Pod",
        ["metadata"] = new JsonObject
        {
            ["name"] = name,
            ["namespace"] = "default",
            ["uid"] = Guid.NewGuid().ToString(),
            ["labels"] = new JsonObject { ["app"] = name },
        },
        ["spec"] = new JsonObject
        {
            ["restartPolicy"] = restartPolicy,
            ["hostNetwork"] = true,
            ["terminationGracePeriodSeconds"] = 1,
            ["containers"] = new JsonArray(containers),
        },
    };

    /// <summary>A container running <c>/bin/sh -c script</c>.</summary>
    public static JsonObject Shell(string name, string image, string script) => new()
    {
        ["name"] = name,
        ["image"] = image,
        ["command"] = new JsonArray("/bin/sh", "-c", script),
    };

    public static JsonObject WithVolume(this JsonObject pod, JsonObject volume)
    {
        var spec = pod["spec"]!.AsObject();
        if (spec["volumes"] is not JsonArray volumes)
        {
            volumes = [];
            spec["volumes"] = volumes;
        }

        volumes.Add(volume);
        return pod;
    }

    public static JsonObject WithMount(this JsonObject container, string volume, string path)
    {
        container["volumeMounts"] = new JsonArray(new JsonObject { ["name"] = volume, ["mountPath"] = path, ["readOnly"] = true });
        return container;
    }

    /// <summary>Sets the container's resources from JSON texts of its limits and requests (either may be null).</summary>
    public static JsonObject WithResources(this JsonObject container, string? limits, string? requests)
    {
        var resources = new JsonObject();
        if (limits is not null)
        {
            resources["limits"] = JsonNode.Parse(limits);
        }

        if (requests is not null)
        {
            resources["requests"] = JsonNode.Parse(requests);
        }

        container["resources"] = resources;
        return container;
    }

    public static string Uid(this JsonObject pod) => pod["metadata"]!["uid"]!.GetValue<string>();

    public static JsonObject ConfigMap(string name, IReadOnlyDictionary<string, string> data)
    {
        var obj = new JsonObject();
        foreach (var (k, v) in data)
        {
            obj[k] = v;
        }

        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "ConfigMap",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "default" },
            ["data"] = obj,
        };
    }
}
