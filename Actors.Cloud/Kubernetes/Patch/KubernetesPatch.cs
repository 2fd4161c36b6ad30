using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Actors.Cloud.Kubernetes.Patch;

/// <summary>A patch body and its format.</summary>
public sealed record KubernetesPatch(PatchType Type, byte[] Body)
{
    public string ContentType => ContentTypeOf(Type);

    public static string ContentTypeOf(PatchType type) => type switch
    {
        PatchType.Merge => "application/merge-patch+json",
        PatchType.Json => "application/json-patch+json",
        PatchType.StrategicMerge => "application/strategic-merge-patch+json",
        PatchType.Apply => "application/apply-patch+yaml",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown patch type"),
    };

    public static KubernetesPatch Merge(JsonNode patch) => new(PatchType.Merge, Serialize(patch));

    public static KubernetesPatch StrategicMerge(JsonNode patch) => new(PatchType.StrategicMerge, Serialize(patch));

    public static KubernetesPatch Json(JsonPatchBuilder operations)
    {
        ArgumentNullException.ThrowIfNull(operations);
        return new(PatchType.Json, Serialize(operations.Build()));
    }

    /// <summary>A patch whose body is already JSON text; it is checked to be well-formed.</summary>
    public static KubernetesPatch FromJson(PatchType type, string json)
    {
        using (JsonDocument.Parse(json))
        {
            return new(type, Encoding.UTF8.GetBytes(json));
        }
    }

    private static byte[] Serialize(JsonNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return Encoding.UTF8.GetBytes(node.ToJsonString());
    }

    public override string ToString() => $"{Type} patch {Encoding.UTF8.GetString(Body)}";
}
