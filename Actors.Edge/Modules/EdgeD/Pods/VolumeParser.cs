using System.Text.Json;

namespace Actors.Edge.Modules.EdgeD.Pods;

/// <summary>Parses one entry of <c>spec.volumes</c>; unsupported sources are a <see cref="PodSpecException"/>.</summary>
internal static class VolumeParser
{
    public static VolumeModel Parse(JsonElement v)
    {
        var name = PodSpecParser.Str(v, "name");
        if (name.Length == 0)
        {
            throw new PodSpecException("a volume has no name");
        }

        if (v.TryGetProperty("emptyDir", out _))
        {
            return new VolumeModel(name, VolumeKind.EmptyDir, string.Empty, [], false, string.Empty);
        }

        var hostPath = PodSpecParser.Object(v, "hostPath");
        if (hostPath.ValueKind == JsonValueKind.Object)
        {
            var path = PodSpecParser.Str(hostPath, "path");
            return path.StartsWith('/')
                ? new VolumeModel(name, VolumeKind.HostPath, path, [], false, PodSpecParser.Str(hostPath, "type"))
                : throw new PodSpecException($"volume '{name}': hostPath.path must be absolute");
        }

        var configMap = PodSpecParser.Object(v, "configMap");
        if (configMap.ValueKind == JsonValueKind.Object)
        {
            return Keyed(name, VolumeKind.ConfigMap, PodSpecParser.Str(configMap, "name"), configMap);
        }

        var secret = PodSpecParser.Object(v, "secret");
        if (secret.ValueKind == JsonValueKind.Object)
        {
            return Keyed(name, VolumeKind.Secret, PodSpecParser.Str(secret, "secretName"), secret);
        }

        var downward = PodSpecParser.Object(v, "downwardAPI");
        if (downward.ValueKind == JsonValueKind.Object)
        {
            var items = PodSpecParser.Array(downward, "items").Select(i => new VolumeItem(
                PodSpecParser.Str(PodSpecParser.Object(i, "fieldRef"), "fieldPath"), SafePath(name, PodSpecParser.Str(i, "path")))).ToList();
            return new VolumeModel(name, VolumeKind.DownwardApi, string.Empty, items, false, string.Empty);
        }

        var kinds = string.Join(", ", v.EnumerateObject().Select(p => p.Name).Where(n => n != "name"));
        throw new PodSpecException($"volume '{name}': unsupported source ({kinds}); EdgeD supports emptyDir, hostPath, configMap, secret, downwardAPI");
    }

    /// <summary>A relative item path without <c>..</c> segments (files must stay inside the volume).</summary>
    internal static string SafePath(string volume, string path)
    {
        if (path.Length == 0 || path.StartsWith('/') || path.Split('/').Any(s => s is ".." or ""))
        {
            throw new PodSpecException($"volume '{volume}': item path '{path}' must be relative and must not contain '..'");
        }

        return path;
    }

    private static VolumeModel Keyed(string name, VolumeKind kind, string source, JsonElement element)
    {
        if (source.Length == 0)
        {
            throw new PodSpecException($"volume '{name}': the {kind} name is required");
        }

        var items = PodSpecParser.Array(element, "items")
            .Select(i => new VolumeItem(PodSpecParser.Str(i, "key"), SafePath(name, PodSpecParser.Str(i, "path")))).ToList();
        return new VolumeModel(name, kind, source, items, PodSpecParser.Bool(element, "optional"), string.Empty);
    }
}
