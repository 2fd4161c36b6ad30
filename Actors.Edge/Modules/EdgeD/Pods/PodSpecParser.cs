using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Actors.Edge.Modules.EdgeD.Pods;

/// <summary>Parses Pod JSON (as MetaManager forwards it) into a <see cref="PodModel"/>; pure, no I/O.</summary>
internal static class PodSpecParser
{
    /// <summary>Parses <paramref name="podJson"/>; <see cref="PodSpecException"/> names what is wrong.</summary>
    public static PodModel Parse(ReadOnlyMemory<byte> podJson)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(podJson);
        }
        catch (JsonException e)
        {
            throw new PodSpecException("pod is not valid JSON: " + e.Message, e);
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new PodSpecException("pod must be a JSON object, got " + root.ValueKind);
            }

            var meta = Object(root, "metadata", required: true);
            var spec = Object(root, "spec", required: true);
            var name = Str(meta, "name");
            var ns = Str(meta, "namespace", "default");
            var uid = Str(meta, "uid");
            if (name.Length == 0 || uid.Length == 0)
            {
                throw new PodSpecException("pod metadata.name and metadata.uid are required");
            }

            var containers = Array(spec, "containers").Select(ParseContainer).ToList();
            if (containers.Count == 0)
            {
                throw new PodSpecException($"pod {ns}/{name} has no containers");
            }

            var initContainers = Array(spec, "initContainers").Select(ParseContainer).ToList();
            if (initContainers.Any(c => c.Probes.Count > 0))
            {
                throw new PodSpecException($"pod {ns}/{name}: init containers may not have probes");
            }

            if (containers.Concat(initContainers).Select(c => c.Name).Distinct(StringComparer.Ordinal).Count() != containers.Count + initContainers.Count)
            {
                throw new PodSpecException($"pod {ns}/{name} has duplicate container names");
            }

            var volumes = Array(spec, "volumes").Select(VolumeParser.Parse).ToList();
            CheckMounts(ns + "/" + name, [.. containers, .. initContainers], volumes);
            var grace = spec.TryGetProperty("terminationGracePeriodSeconds", out var g) && g.TryGetInt64(out var s) ? s : 30;
            var deleting = Str(meta, "deletionTimestamp").Length > 0;
            if (deleting && meta.TryGetProperty("deletionGracePeriodSeconds", out var dg) && dg.TryGetInt64(out var ds))
            {
                grace = ds;
            }

            return new PodModel(
                uid, ns, name, Map(meta, "labels"), Map(meta, "annotations"),
                ParseRestartPolicy(Str(spec, "restartPolicy", "Always")),
                spec.TryGetProperty("hostNetwork", out var h) && h.ValueKind == JsonValueKind.True,
                TimeSpan.FromSeconds(Math.Clamp(grace, 0, 3600)),
                containers, volumes)
            {
                Deleting = deleting,
                InitContainers = initContainers,
            };
        }
    }

    internal static JsonElement Object(JsonElement parent, string name, bool required = false)
    {
        if (parent.ValueKind != JsonValueKind.Object)
        {
            return required ? throw new PodSpecException($"'{name}' must be an object") : default;
        }

        if (parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object)
        {
            return value;
        }

        if (required || (parent.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null))
        {
            throw new PodSpecException($"'{name}' must be an object");
        }

        return default;
    }

    internal static IEnumerable<JsonElement> Array(JsonElement parent, string name)
    {
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        return value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().ToList()
            : throw new PodSpecException($"'{name}' must be an array");
    }

    internal static string Str(JsonElement parent, string name, string fallback = "")
    {
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return fallback;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new PodSpecException($"'{name}' must be a string");
    }

    internal static bool Bool(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;

    internal static Dictionary<string, string> Map(JsonElement parent, string name)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var obj = Object(parent, name);
        if (obj.ValueKind != JsonValueKind.Object)
        {
            return map;
        }

        foreach (var p in obj.EnumerateObject())
        {
            map[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText();
        }

        return map;
    }

    private static ContainerModel ParseContainer(JsonElement c)
    {
        var name = Str(c, "name");
        var image = Str(c, "image");
        if (name.Length == 0 || image.Length == 0)
        {
            throw new PodSpecException("every container needs a name and an image");
        }

        var env = Array(c, "env").Select(EnvParser.ParseEnv).ToList();
        var mounts = Array(c, "volumeMounts").Select(m => new VolumeMountModel(
            Str(m, "name"), Str(m, "mountPath"), Bool(m, "readOnly"), Str(m, "subPath"))).ToList();
        var resources = Object(c, "resources");
        foreach (var (kind, values) in new[] { ("requests", Map(resources, "requests")), ("limits", Map(resources, "limits")) })
        {
            foreach (var (resource, text) in values.Where(v => !Quantity.TryParse(v.Value, out _)))
            {
                throw new PodSpecException($"container '{name}': resources.{kind}.{resource} '{text}' is not a quantity");
            }
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(c.GetRawText())))[..16];
        return new ContainerModel(
            name, image,
            Array(c, "command").Select(e => e.GetString() ?? string.Empty).ToList(),
            Array(c, "args").Select(e => e.GetString() ?? string.Empty).ToList(),
            env, Str(c, "workingDir"), mounts,
            new ResourcesModel(Map(resources, "requests"), Map(resources, "limits")),
            hash)
        {
            Probes = Prober.ProbeParser.Parse(c),
            EnvFrom = Array(c, "envFrom").Select(EnvParser.ParseEnvFrom).ToList(),
        };
    }

    private static RestartPolicy ParseRestartPolicy(string value) => value switch
    {
        "Always" => RestartPolicy.Always,
        "OnFailure" => RestartPolicy.OnFailure,
        "Never" => RestartPolicy.Never,
        _ => throw new PodSpecException($"unknown restartPolicy '{value}' (Always, OnFailure, Never)"),
    };

    private static void CheckMounts(string pod, List<ContainerModel> containers, List<VolumeModel> volumes)
    {
        var names = volumes.Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var mount in containers.SelectMany(c => c.Mounts))
        {
            if (!names.Contains(mount.Name))
            {
                throw new PodSpecException($"pod {pod}: volumeMount '{mount.Name}' names no volume");
            }

            if (!mount.MountPath.StartsWith('/'))
            {
                throw new PodSpecException($"pod {pod}: mountPath '{mount.MountPath}' must be absolute");
            }
        }
    }
}
