using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace Actors.Edge.Modules.MetaManager.Server;

/// <summary>Kubernetes API JSON shapes built from stored object texts: lists, watch events, Status errors.</summary>
internal static class KubeJson
{
    /// <summary>A <c>&lt;Kind&gt;List</c> whose <c>metadata.resourceVersion</c> is the highest item resourceVersion.</summary>
    public static byte[] List(string kind, IReadOnlyList<string> items) => Write(w =>
    {
        w.WriteString("apiVersion", "v1");
        w.WriteString("kind", kind + "List");
        w.WriteStartObject("metadata");
        w.WriteString("resourceVersion", MaxResourceVersion(items).ToString(CultureInfo.InvariantCulture));
        w.WriteEndObject();
        w.WriteStartArray("items");
        foreach (var item in items)
        {
            w.WriteRawValue(WithTypeMeta(item, kind), skipInputValidation: true);
        }

        w.WriteEndArray();
    });

    /// <summary>One watch event line (<c>{"type":…,"object":…}</c>) without the newline.</summary>
    public static byte[] Event(string type, string kind, string value) => Write(w =>
    {
        w.WriteString("type", type);
        w.WritePropertyName("object");
        w.WriteRawValue(WithTypeMeta(value, kind), skipInputValidation: true);
    });

    /// <summary>A <c>Status</c> failure (<c>NotFound</c>, <c>BadRequest</c>, …).</summary>
    public static byte[] Status(int code, string reason, string message) => Write(w =>
    {
        w.WriteString("apiVersion", "v1");
        w.WriteString("kind", "Status");
        w.WriteStartObject("metadata");
        w.WriteEndObject();
        w.WriteString("status", "Failure");
        w.WriteString("message", message);
        w.WriteString("reason", reason);
        w.WriteNumber("code", code);
    });

    /// <summary>The object with <c>apiVersion</c> v1 and <c>kind</c> set (stored objects may lack them).</summary>
    public static string WithTypeMeta(string value, string kind)
    {
        using var doc = JsonDocument.Parse(value);
        return Encoding(Write(w =>
        {
            w.WriteString("apiVersion", "v1");
            w.WriteString("kind", kind);
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                if (p.Name is not ("apiVersion" or "kind"))
                {
                    p.WriteTo(w);
                }
            }
        }));
    }

    private static string Encoding(byte[] bytes) => System.Text.Encoding.UTF8.GetString(bytes);

    private static ulong MaxResourceVersion(IReadOnlyList<string> items)
    {
        ulong max = 0;
        foreach (var item in items)
        {
            using var doc = JsonDocument.Parse(item);
            if (doc.RootElement.TryGetProperty("metadata", out var m) && m.ValueKind == JsonValueKind.Object
                && m.TryGetProperty("resourceVersion", out var rv) && rv.ValueKind == JsonValueKind.String
                && ulong.TryParse(rv.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v > max)
            {
                max = v;
            }
        }

        return max;
    }

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
