using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Actors.Integration.Tests.Support;

namespace Actors.Integration.Tests.Reliability;

/// <summary>
/// Many configmaps referenced by a few pods on one node, written in rounds (round r sets <c>data.round = r</c>), and
/// how the edge store and the cloud compare.
/// </summary>
internal sealed class ConfigMapRounds(EdgeCloudPair pair, int count, int pods)
{
    public int Count => count;

    public static string Name(int i) => "cm-" + i.ToString("D3", CultureInfo.InvariantCulture);

    /// <summary>Pods whose container reads every configmap through envFrom (optional, so they may not exist yet).</summary>
    public string PodsManifest(string marker)
    {
        var items = new List<string>();
        var perPod = count / pods;
        for (var p = 0; p < pods; p++)
        {
            var refs = Enumerable.Range(p * perPod, perPod).Select(i => "{\"configMapRef\":{\"name\":\"" + Name(i) + "\",\"optional\":true}}");
            items.Add("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"reader-" + p + "\",\"namespace\":\"default\"},"
                + "\"spec\":{\"nodeName\":\"" + pair.NodeName + "\",\"terminationGracePeriodSeconds\":1,\"containers\":[{\"name\":\"main\",\"image\":\"busybox\","
                + "\"command\":[\"sh\",\"-c\",\"sleep 3600; echo " + marker + "\"],\"envFrom\":[" + string.Join(',', refs) + "]}]}}");
        }

        return List(items);
    }

    /// <summary>The first <paramref name="upTo"/> configmaps (all by default) at round <paramref name="round"/>.</summary>
    public string Manifest(int round, int? upTo = null) => List(Enumerable.Range(0, upTo ?? count).Select(i =>
        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"" + Name(i) + "\",\"namespace\":\"default\"},"
        + "\"data\":{\"round\":\"" + round.ToString(CultureInfo.InvariantCulture) + "\",\"name\":\"" + Name(i) + "\"}}"));

    /// <summary>Starts <c>kubectl VERB -f</c> with round <paramref name="round"/> (create, replace) without waiting for it.</summary>
    public Process StartKubectl(string verb, int round, string file, int? upTo = null)
    {
        File.WriteAllText(file, Manifest(round, upTo));
        var psi = new ProcessStartInfo(Kubectl.Path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "--kubeconfig=" + Path.Combine(pair.CloudDir, "kubeconfig"), "--request-timeout=20s", verb, "-f", file })
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["HOME"] = pair.CloudDir;
        psi.Environment.Remove("KUBECONFIG");
        return Process.Start(psi)!;
    }

    /// <summary>The edge store's configmaps: name → (round, resourceVersion).</summary>
    public IReadOnlyDictionary<string, (int Round, long Version)> OnEdge() =>
        EdgeStore.List(pair.EdgeDatabase, "configmap").Values.Select(Parse).ToDictionary(x => x.Name, x => (x.Round, x.Version), StringComparer.Ordinal);

    /// <summary>How many configmaps the edge holds at round ≥ <paramref name="round"/>.</summary>
    public int AtLeast(int round) => OnEdge().Values.Count(v => v.Round >= round);

    /// <summary>The cloud's configmaps from <c>kubectl get configmaps -o json</c>: name → (round, resourceVersion).</summary>
    public async Task<IReadOnlyDictionary<string, (int Round, long Version)>> InCloudAsync()
    {
        var json = await pair.KubectlAsync("get", "configmaps", "-n", "default", "-o", "json");
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.GetProperty("items").EnumerateArray().Select(i => Parse(i.GetRawText()))
            .Where(x => x.Name.StartsWith("cm-", StringComparison.Ordinal))
            .ToDictionary(x => x.Name, x => (x.Round, x.Version), StringComparer.Ordinal);
    }

    /// <summary>Null when the edge holds exactly the cloud's version of every configmap, else the differences.</summary>
    public static string? Differences(IReadOnlyDictionary<string, (int Round, long Version)> cloud, IReadOnlyDictionary<string, (int Round, long Version)> edge)
    {
        var text = new StringBuilder();
        foreach (var (name, want) in cloud.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (!edge.TryGetValue(name, out var have))
            {
                text.Append(name).Append(" missing on the edge; ");
            }
            else if (have != want)
            {
                text.Append(name).Append(" edge round ").Append(have.Round).Append(" rv ").Append(have.Version)
                    .Append(" vs cloud round ").Append(want.Round).Append(" rv ").Append(want.Version).Append("; ");
            }
        }

        foreach (var extra in edge.Keys.Where(k => !cloud.ContainsKey(k)))
        {
            text.Append(extra).Append(" on the edge only; ");
        }

        return text.Length == 0 ? null : text.ToString();
    }

    private static string List(IEnumerable<string> items) => "{\"apiVersion\":\"v1\",\"kind\":\"List\",\"items\":[" + string.Join(",\n", items) + "]}";

    private static (string Name, int Round, long Version) Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var meta = doc.RootElement.GetProperty("metadata");
        var round = doc.RootElement.TryGetProperty("data", out var data) && data.TryGetProperty("round", out var r)
            ? int.Parse(r.GetString()!, CultureInfo.InvariantCulture) : 0;
        return (meta.GetProperty("name").GetString()!, round, long.Parse(meta.GetProperty("resourceVersion").GetString()!, CultureInfo.InvariantCulture));
    }
}
