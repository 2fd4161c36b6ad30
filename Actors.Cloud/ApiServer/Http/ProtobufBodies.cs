using System.Text.Json.Nodes;

namespace Actors.Cloud.ApiServer.Http;

/// <summary>
/// Decodes the Kubernetes protobuf envelope (<c>k8s\0</c> + runtime.Unknown) for the kinds typed kubectl commands
/// send as protobuf: Namespace, ConfigMap, Secret, ServiceAccount, DeleteOptions (metadata: name, generateName, namespace, labels,
/// annotations, finalizers). Other kinds are refused with 415 (send JSON or YAML).
/// </summary>
public static class ProtobufBodies
{
    private static ReadOnlySpan<byte> Magic => "k8s\0"u8;

    public static JsonObject Decode(ReadOnlySpan<byte> body)
    {
        if (!body.StartsWith(Magic))
        {
            throw ApiException.BadRequest("protobuf body lacks the k8s envelope");
        }

        string? apiVersion = null;
        string? kind = null;
        var raw = ReadOnlySpan<byte>.Empty;
        var r = new ProtoReader(body[Magic.Length..]);
        while (r.Next(out var field, out var wire))
        {
            switch (field)
            {
                case 1 when wire == 2:
                    var tm = new ProtoReader(r.Bytes());
                    while (tm.Next(out var f, out var w))
                    {
                        if (f == 1 && w == 2) apiVersion = tm.String();
                        else if (f == 2 && w == 2) kind = tm.String();
                        else tm.Skip(w);
                    }

                    break;
                case 2 when wire == 2: raw = r.Bytes(); break;
                default: r.Skip(wire); break;
            }
        }

        var obj = new JsonObject { ["apiVersion"] = apiVersion, ["kind"] = kind };
        DecodeKind(kind, raw, obj);
        return obj;
    }

    private static void DecodeKind(string? kind, ReadOnlySpan<byte> raw, JsonObject obj)
    {
        var r = new ProtoReader(raw);
        while (r.Next(out var field, out var wire))
        {
            switch (kind, field, wire)
            {
                case ("DeleteOptions", 1, 0): obj["gracePeriodSeconds"] = (long)r.Varint(); break;
                case ("DeleteOptions", 2, 2):
                    var pre = Strings(r.Bytes(), 1);
                    obj["preconditions"] = new JsonObject { ["uid"] = pre.Count > 0 ? pre[0]?.DeepClone() : null };
                    break;
                case ("DeleteOptions", _, _): r.Skip(wire); break;
                case (_, 1, 2): obj["metadata"] = ObjectMeta(r.Bytes()); break;
                case ("Namespace", 2, 2): obj["spec"] = new JsonObject { ["finalizers"] = Strings(r.Bytes(), 1) }; break;
                case ("ConfigMap", 2, 2): Map(obj, "data", r.Bytes(), base64: false); break;
                case ("ConfigMap", 3, 2): Map(obj, "binaryData", r.Bytes(), base64: true); break;
                case ("ConfigMap", 4, 0) or ("Secret", 5, 0): obj["immutable"] = r.Varint() != 0; break;
                case ("Secret", 2, 2): Map(obj, "data", r.Bytes(), base64: true); break;
                case ("Secret", 3, 2): SetNonEmpty(obj, "type", r.String()); break;
                case ("Secret", 4, 2): Map(obj, "stringData", r.Bytes(), base64: false); break;
                case ("ServiceAccount", 4, 2): ImagePullSecret(obj, r.Bytes()); break;
                case ("ServiceAccount", 3, 0): obj["automountServiceAccountToken"] = r.Varint() != 0; break;
                case ("Namespace" or "ConfigMap" or "Secret" or "ServiceAccount", _, _): r.Skip(wire); break;
                default:
                    throw new ApiException(415, "UnsupportedMediaType",
                        $"protobuf bodies are accepted for Namespace, ConfigMap, Secret and ServiceAccount only, not {kind}; send application/json or application/yaml");
            }
        }
    }

    private static JsonObject ObjectMeta(ReadOnlySpan<byte> bytes)
    {
        var meta = new JsonObject();
        var r = new ProtoReader(bytes);
        while (r.Next(out var field, out var wire))
        {
            switch (field)
            {
                case 1 when wire == 2: SetNonEmpty(meta, "name", r.String()); break;
                case 2 when wire == 2: SetNonEmpty(meta, "generateName", r.String()); break;
                case 3 when wire == 2: SetNonEmpty(meta, "namespace", r.String()); break;
                case 6 when wire == 2: SetNonEmpty(meta, "resourceVersion", r.String()); break;
                case 11 when wire == 2: Map(meta, "labels", r.Bytes(), base64: false); break;
                case 12 when wire == 2: Map(meta, "annotations", r.Bytes(), base64: false); break;
                case 14 when wire == 2: (meta["finalizers"] as JsonArray ?? (JsonArray)(meta["finalizers"] = new JsonArray())).Add(r.String()); break;
                default: r.Skip(wire); break;
            }
        }

        return meta;
    }

    /// <summary>Adds one map entry (message {key = 1; value = 2}) to obj[field].</summary>
    private static void Map(JsonObject obj, string field, ReadOnlySpan<byte> entry, bool base64)
    {
        var map = obj[field] as JsonObject ?? new JsonObject();
        obj[field] = map;
        var r = new ProtoReader(entry);
        string key = string.Empty;
        string value = string.Empty;
        while (r.Next(out var f, out var w))
        {
            if (f == 1 && w == 2) key = r.String();
            else if (f == 2 && w == 2) value = base64 ? Convert.ToBase64String(r.Bytes()) : r.String();
            else r.Skip(w);
        }

        map[key] = value;
    }

    private static JsonArray Strings(ReadOnlySpan<byte> bytes, int field)
    {
        var list = new JsonArray();
        var r = new ProtoReader(bytes);
        while (r.Next(out var f, out var w))
        {
            if (f == field && w == 2) list.Add(r.String());
            else r.Skip(w);
        }

        return list;
    }

    private static void SetNonEmpty(JsonObject obj, string field, string value)
    {
        // Kubernetes' generated protobuf code writes empty strings; JSON clients omit them.
        if (value.Length > 0)
        {
            obj[field] = value;
        }
    }

    private static void ImagePullSecret(JsonObject obj, ReadOnlySpan<byte> bytes)
    {
        var list = obj["imagePullSecrets"] as JsonArray ?? new JsonArray();
        obj["imagePullSecrets"] = list;
        var r = new ProtoReader(bytes);
        while (r.Next(out var f, out var w))
        {
            if (f == 1 && w == 2) list.Add(new JsonObject { ["name"] = r.String() });
            else r.Skip(w);
        }
    }
}
