using System.Text.Json;

namespace Actors.Integration.Tests.Reliability;

/// <summary>Pod manifests and status reading shared by the reliability scenarios.</summary>
internal static class Pods
{
    /// <summary>A pod on <paramref name="node"/> whose only process (a shell) carries <paramref name="marker"/> in its command line.</summary>
    public static string Sleeper(string name, string node, string marker) => $$$"""
        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"{{{name}}}","namespace":"default"},
         "spec":{"nodeName":"{{{node}}}","restartPolicy":"Always","terminationGracePeriodSeconds":5,
          "containers":[{"name":"main","image":"busybox","command":["sh","-c","sleep 3600; echo {{{marker}}}"]}]}}
        """;

    /// <summary>Phase and first container's restart count from <c>kubectl get pod -o json</c>.</summary>
    public static (string Phase, int Restarts) Status(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return Status(doc.RootElement.TryGetProperty("status", out var s) ? s : default);
    }

    /// <summary>Phase and first container's restart count of a pod status object.</summary>
    public static (string Phase, int Restarts) Status(JsonElement status)
    {
        if (status.ValueKind != JsonValueKind.Object)
        {
            return ("", 0);
        }

        var phase = status.TryGetProperty("phase", out var p) ? p.GetString() ?? "" : "";
        var restarts = status.TryGetProperty("containerStatuses", out var cs) && cs.ValueKind == JsonValueKind.Array && cs.GetArrayLength() > 0
            && cs[0].TryGetProperty("restartCount", out var r) ? r.GetInt32() : 0;
        return (phase, restarts);
    }
}
