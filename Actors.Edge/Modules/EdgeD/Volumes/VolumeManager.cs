using System.Text;
using System.Text.Json;
using Actors.Edge.Modules.EdgeD.Pods;
using Actors.Messages.Routing;

namespace Actors.Edge.Modules.EdgeD.Volumes;

/// <summary>
/// Prepares a pod's volumes as directories under <c>&lt;pods-root&gt;/&lt;uid&gt;/volumes/&lt;kind&gt;/&lt;name&gt;</c>:
/// emptyDir (empty directory), configMap and secret (one file per key, fetched through <see cref="IMetaQuery"/> on
/// every sync, so changes reach running pods), downwardAPI (metadata fields), hostPath (the host path itself).
/// </summary>
internal sealed class VolumeManager(string podsRoot, IMetaQuery meta)
{
    /// <summary>The pod's directory.</summary>
    public string PodDirectory(string uid) => Path.Combine(podsRoot, uid);

    /// <summary>Prepares every volume; returns volume name → host path. Throws <see cref="VolumeException"/>.</summary>
    public async Task<IReadOnlyDictionary<string, string>> PrepareAsync(PodModel pod, CancellationToken cancellationToken)
    {
        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var volume in pod.Volumes)
        {
            paths[volume.Name] = volume.Kind switch
            {
                VolumeKind.HostPath => PrepareHostPath(volume),
                VolumeKind.EmptyDir => Directory.CreateDirectory(VolumeDirectory(pod, volume)).FullName,
                VolumeKind.DownwardApi => WriteFiles(VolumeDirectory(pod, volume), DownwardFiles(pod, volume)),
                _ => WriteFiles(VolumeDirectory(pod, volume), await FetchAsync(pod, volume, cancellationToken)),
            };
        }

        return paths;
    }

    /// <summary>Removes the pod's directory (volumes included; host paths are never touched).</summary>
    public void Cleanup(string uid)
    {
        var dir = PodDirectory(uid);
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private string VolumeDirectory(PodModel pod, VolumeModel volume) =>
        Path.Combine(PodDirectory(pod.Uid), "volumes", volume.Kind.ToString().ToLowerInvariant(), volume.Name);

    private static string PrepareHostPath(VolumeModel volume)
    {
        if (volume.HostPathType is "DirectoryOrCreate" && !Directory.Exists(volume.Source))
        {
            Directory.CreateDirectory(volume.Source);
        }
        else if (volume.HostPathType is "Directory" && !Directory.Exists(volume.Source))
        {
            throw new VolumeException($"volume '{volume.Name}': hostPath {volume.Source} is not a directory");
        }
        else if (volume.HostPathType is "File" && !File.Exists(volume.Source))
        {
            throw new VolumeException($"volume '{volume.Name}': hostPath {volume.Source} is not a file");
        }

        return volume.Source;
    }

    private async Task<Dictionary<string, byte[]>> FetchAsync(PodModel pod, VolumeModel volume, CancellationToken cancellationToken)
    {
        var type = volume.Kind == VolumeKind.ConfigMap ? ResourceTypes.ConfigMap : ResourceTypes.Secret;
        var obj = await meta.QueryAsync(pod.Namespace, type, volume.Source, cancellationToken);
        if (obj is null)
        {
            return volume.Optional
                ? []
                : throw new VolumeException($"volume '{volume.Name}': {type} {pod.Namespace}/{volume.Source} not found");
        }

        var data = volume.Kind == VolumeKind.ConfigMap ? ConfigMapData(obj.Value) : SecretData(obj.Value);
        if (volume.Items.Count == 0)
        {
            return data;
        }

        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var item in volume.Items)
        {
            if (data.TryGetValue(item.Key, out var bytes))
            {
                files[item.Path] = bytes;
            }
            else if (!volume.Optional)
            {
                throw new VolumeException($"volume '{volume.Name}': key '{item.Key}' not in {type} {pod.Namespace}/{volume.Source}");
            }
        }

        return files;
    }

    private static Dictionary<string, byte[]> ConfigMapData(JsonElement obj)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (key, value) in PodSpecParser.Map(obj, "data"))
        {
            files[VolumeParser.SafePath("configMap", key)] = Encoding.UTF8.GetBytes(value);
        }

        foreach (var (key, value) in PodSpecParser.Map(obj, "binaryData"))
        {
            files[VolumeParser.SafePath("configMap", key)] = Base64(key, value);
        }

        return files;
    }

    private static Dictionary<string, byte[]> SecretData(JsonElement obj)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (key, value) in PodSpecParser.Map(obj, "data"))
        {
            files[VolumeParser.SafePath("secret", key)] = Base64(key, value);
        }

        foreach (var (key, value) in PodSpecParser.Map(obj, "stringData"))
        {
            files[VolumeParser.SafePath("secret", key)] = Encoding.UTF8.GetBytes(value);
        }

        return files;
    }

    private static byte[] Base64(string key, string value)
    {
        try
        {
            return Convert.FromBase64String(value);
        }
        catch (FormatException e)
        {
            throw new VolumeException($"key '{key}' is not valid base64", e);
        }
    }

    private static Dictionary<string, byte[]> DownwardFiles(PodModel pod, VolumeModel volume)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var item in volume.Items)
        {
            var value = DownwardApi.Field(pod, item.Key, podIp: string.Empty, hostIp: string.Empty, nodeName: string.Empty)
                ?? throw new VolumeException($"volume '{volume.Name}': unsupported fieldPath '{item.Key}'");
            files[item.Path] = Encoding.UTF8.GetBytes(value);
        }

        return files;
    }

    /// <summary>Writes the files (replacing changed ones, removing stale ones) and returns the directory.</summary>
    private static string WriteFiles(string dir, Dictionary<string, byte[]> files)
    {
        Directory.CreateDirectory(dir);
        foreach (var (relative, bytes) in files)
        {
            var path = Path.Combine(dir, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            if (File.Exists(path) && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes))
            {
                continue;
            }

            var temp = path + ".tmp";
            File.WriteAllBytes(temp, bytes);
            File.Move(temp, path, overwrite: true);
        }

        foreach (var existing in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories))
        {
            if (!files.ContainsKey(Path.GetRelativePath(dir, existing)))
            {
                File.Delete(existing);
            }
        }

        return dir;
    }
}
