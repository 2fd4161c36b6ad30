using Actors.Edge.Modules.EdgeD.Pods;

namespace Actors.Edge.Modules.EdgeD.Volumes;

/// <summary>The downward-API field paths EdgeD resolves (for env <c>fieldRef</c> and downwardAPI volumes).</summary>
internal static class DownwardApi
{
    /// <summary>The field's value, or null for an unsupported path.</summary>
    public static string? Field(PodModel pod, string fieldPath, string podIp, string hostIp, string nodeName) => fieldPath switch
    {
        "metadata.name" => pod.Name,
        "metadata.namespace" => pod.Namespace,
        "metadata.uid" => pod.Uid,
        "metadata.labels" => Lines(pod.Labels),
        "metadata.annotations" => Lines(pod.Annotations),
        "spec.nodeName" => nodeName,
        "status.podIP" => podIp,
        "status.hostIP" => hostIp,
        _ when fieldPath.StartsWith("metadata.labels['", StringComparison.Ordinal) => Indexed(pod.Labels, fieldPath),
        _ when fieldPath.StartsWith("metadata.annotations['", StringComparison.Ordinal) => Indexed(pod.Annotations, fieldPath),
        _ => null,
    };

    private static string Lines(IReadOnlyDictionary<string, string> map) =>
        string.Join('\n', map.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=\"" + p.Value + "\""));

    private static string? Indexed(IReadOnlyDictionary<string, string> map, string fieldPath)
    {
        var start = fieldPath.IndexOf("['", StringComparison.Ordinal) + 2;
        var end = fieldPath.LastIndexOf("']", StringComparison.Ordinal);
        return end > start && map.TryGetValue(fieldPath[start..end], out var value) ? value : end > start ? string.Empty : null;
    }
}
