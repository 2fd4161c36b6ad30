using System.Collections.Frozen;
using System.Text;
using System.Text.Json;
using Actors.Edge.Modules.MetaManager.Storage.Models;
using Actors.Messages.Routing;

namespace Actors.Edge.Modules.MetaManager.Storage;

/// <summary>
/// Shape rules for rows, shared by every store: input that breaks them is an <see cref="ArgumentException"/>;
/// a stored row that breaks them is corrupted. Limits follow KubeEdge's models (key ≤ 256, type ≤ 32).
/// </summary>
internal static class MetaRowRules
{
    public const int MaxKeyLength = 256;
    public const int MaxTypeLength = 32;

    /// <summary>Types MetaManager stores in <c>meta</c>.</summary>
    public static readonly FrozenSet<string> KnownTypes = new[]
    {
        ResourceTypes.Pod, ResourceTypes.ConfigMap, ResourceTypes.Secret, ResourceTypes.Node,
        ResourceTypes.PodPatch, ResourceTypes.NodePatch, ResourceTypes.PodStatus, ResourceTypes.NodeStatus,
        ResourceTypes.ServiceAccountToken, ResourceTypes.Lease, ResourceTypes.PersistentVolume,
        ResourceTypes.PersistentVolumeClaim, ResourceTypes.VolumeAttachment, ResourceTypes.Service,
        ResourceTypes.Endpoints, ResourceTypes.Device, ResourceTypes.DeviceModel, ResourceTypes.DeviceMapper,
        ResourceTypes.Rule, ResourceTypes.RuleEndpoint, ResourceTypes.CertificateSigningRequest,
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Checks a <c>meta</c> key: <c>&lt;ns&gt;/&lt;type&gt;/&lt;name&gt;</c>, or KubeEdge's devicemapper form.</summary>
    public static string? KeyProblem(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return "key is empty";
        }

        if (key.Length > MaxKeyLength)
        {
            return $"key is {key.Length} characters long, the limit is {MaxKeyLength}";
        }

        if (key.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            return $"key '{key}' contains whitespace or control characters";
        }

        var parts = key.Split('/');
        var shaped = parts.Length == 3 || (parts.Length == 5 && parts[0] == "node" && parts[3] == ResourceTypes.DeviceMapper);
        return shaped && parts.All(p => p.Length > 0)
            ? null
            : $"key '{key}' is not of the form <namespace>/<type>/<name>";
    }

    /// <summary>The type segment of a well-shaped key.</summary>
    public static string TypeOfKey(string key)
    {
        var parts = key.Split('/');
        return parts.Length == 5 ? parts[3] : parts[1];
    }

    /// <summary>Everything wrong with a <c>meta</c> row except the value size, or null.</summary>
    public static string? RowProblem(string? key, string? type, string? value)
    {
        if (KeyProblem(key) is { } keyProblem)
        {
            return keyProblem;
        }

        if (string.IsNullOrEmpty(type) || type.Length > MaxTypeLength || !KnownTypes.Contains(type))
        {
            return $"unknown type '{type}' for key '{key}'";
        }

        if (TypeOfKey(key!) != type)
        {
            return $"key '{key}' does not carry type '{type}'";
        }

        return JsonProblem(key!, value);
    }

    /// <summary>Everything wrong with a <c>meta_v2</c> row except the value size, or null.</summary>
    public static string? RowProblem(MetaV2Record r)
    {
        if (string.IsNullOrEmpty(r.Key) || r.Key.Length > MaxKeyLength * 2 || r.Key[0] != '/')
        {
            return $"meta_v2 key '{r.Key}' is empty, too long or does not start with '/'";
        }

        var parts = r.Key[1..].Split('/');
        if (parts.Length != 5 || parts.Any(p => p.Length == 0))
        {
            return $"meta_v2 key '{r.Key}' is not of the form /<group>/<version>/<resource>/<namespace>/<name>";
        }

        if (parts[3] != (r.Namespace.Length == 0 ? "null" : r.Namespace) || parts[4] != (r.Name.Length == 0 ? "null" : r.Name))
        {
            return $"meta_v2 key '{r.Key}' disagrees with namespace '{r.Namespace}' / name '{r.Name}'";
        }

        if (string.IsNullOrEmpty(r.GroupVersionResource))
        {
            return $"meta_v2 row '{r.Key}' has an empty group_version_resource";
        }

        return r.ResourceVersion > long.MaxValue
            ? $"meta_v2 row '{r.Key}' has a resource version above {long.MaxValue}"
            : JsonProblem(r.Key, r.Value);
    }

    /// <summary>Throws <see cref="ArgumentException"/> for a bad <c>meta</c> record.</summary>
    public static void Check(MetaRecord record, int maxValueBytes, string paramName = "record")
    {
        ArgumentNullException.ThrowIfNull(record, paramName);
        var problem = RowProblem(record.Key, record.Type, record.Value) ?? SizeProblem(record.Key, record.Value, maxValueBytes);
        if (problem is not null)
        {
            throw new ArgumentException(problem, paramName);
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> for a bad <c>meta_v2</c> record.</summary>
    public static void Check(MetaV2Record record, int maxValueBytes, string paramName = "record")
    {
        ArgumentNullException.ThrowIfNull(record, paramName);
        var problem = RowProblem(record) ?? SizeProblem(record.Key, record.Value, maxValueBytes);
        if (problem is not null)
        {
            throw new ArgumentException(problem, paramName);
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> for a bad <c>meta</c> key.</summary>
    public static void CheckKey(string key, string paramName = "key")
    {
        if (KeyProblem(key) is { } problem)
        {
            throw new ArgumentException(problem, paramName);
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> for a type MetaManager does not store.</summary>
    public static void CheckType(string type, string paramName = "type")
    {
        if (string.IsNullOrEmpty(type) || !KnownTypes.Contains(type))
        {
            throw new ArgumentException($"unknown resource type '{type}'", paramName);
        }
    }

    /// <summary>Throws for a bad batch item; the message names the item's index.</summary>
    public static void Check(MetaWrite write, int index, int maxValueBytes)
    {
        var name = $"writes[{index}]";
        switch (write)
        {
            case MetaWrite.Upsert u: Check(u.Record, maxValueBytes, name); break;
            case MetaWrite.Delete d: CheckKey(d.Key, name); break;
            case MetaWrite.UpsertV2 u2: Check(u2.Record, maxValueBytes, name); break;
            case MetaWrite.DeleteV2 d2 when !string.IsNullOrEmpty(d2.Key) && d2.Key[0] == '/': break;
            case MetaWrite.DeleteV2 d2: throw new ArgumentException($"meta_v2 key '{d2.Key}' must start with '/'", name);
            default: throw new ArgumentException($"batch item {index} is null or of an unknown kind", name);
        }
    }

    private static string? SizeProblem(string key, string value, int maxValueBytes)
    {
        var bytes = Encoding.UTF8.GetByteCount(value);
        return bytes > maxValueBytes ? $"value of '{key}' is {bytes} bytes, the limit is {maxValueBytes}" : null;
    }

    private static string? JsonProblem(string key, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return $"value of '{key}' is empty";
        }

        try
        {
            using var doc = JsonDocument.Parse(value);
            return null;
        }
        catch (JsonException e)
        {
            return $"value of '{key}' is not valid JSON: {e.Message}";
        }
    }
}
