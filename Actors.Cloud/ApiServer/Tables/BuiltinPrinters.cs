using System.Globalization;
using System.Text.Json.Nodes;
using Actors.Cloud.ApiServer.Storage;

namespace Actors.Cloud.ApiServer.Tables;

/// <summary>The usual kubectl columns of the built-in kinds (after NAME; AGE is produced by the caller's age function).</summary>
public static class BuiltinPrinters
{
    public delegate JsonNode?[] Cells(JsonObject obj, Func<JsonObject, string> age);

    public static (IReadOnlyList<Column> Columns, Cells Cells)? For(string kindKey) => kindKey switch
    {
        "core/pods" => ([C("Name", "string"), C("Ready", "string"), C("Status", "string"), C("Restarts", "string"), C("Age", "string"),
                C("IP", "string", 1), C("Node", "string", 1), C("Nominated Node", "string", 1), C("Readiness Gates", "string", 1)], Pod),
        "core/nodes" => ([C("Name", "string"), C("Status", "string"), C("Roles", "string"), C("Age", "string"), C("Version", "string"),
                C("Internal-IP", "string", 1), C("External-IP", "string", 1), C("OS-Image", "string", 1), C("Kernel-Version", "string", 1),
                C("Container-Runtime", "string", 1)], Node),
        "core/namespaces" => ([C("Name", "string"), C("Status", "string"), C("Age", "string")],
            (o, age) => [Meta.Name(o), Str(o, "status.phase"), age(o)]),
        "core/configmaps" => ([C("Name", "string"), C("Data", "integer"), C("Age", "string")],
            (o, age) => [Meta.Name(o), Count(o["data"]) + Count(o["binaryData"]), age(o)]),
        "core/secrets" => ([C("Name", "string"), C("Type", "string"), C("Data", "integer"), C("Age", "string")],
            (o, age) => [Meta.Name(o), Str(o, "type"), Count(o["data"]), age(o)]),
        "core/services" => ([C("Name", "string"), C("Type", "string"), C("Cluster-IP", "string"), C("External-IP", "string"),
                C("Port(s)", "string"), C("Age", "string"), C("Selector", "string", 1)], Service),
        "core/serviceaccounts" => ([C("Name", "string"), C("Secrets", "integer"), C("Age", "string")],
            (o, age) => [Meta.Name(o), (o["secrets"] as JsonArray)?.Count ?? 0, age(o)]),
        "core/events" => ([C("Last Seen", "string"), C("Type", "string"), C("Reason", "string"), C("Object", "string"), C("Message", "string"),
                C("Name", "string", 1)], Event),
        "coordination.k8s.io/leases" => ([C("Name", "string"), C("Holder", "string"), C("Age", "string")],
            (o, age) => [Meta.Name(o), Str(o, "spec.holderIdentity"), age(o)]),
        "apiextensions.k8s.io/customresourcedefinitions" => ([C("Name", "string"), C("Created At", "date")],
            (o, _) => [Meta.Name(o), Str(o, "metadata.creationTimestamp")]),
        _ => null,
    };

    private static Column C(string name, string type, int priority = 0) => new(name, type, priority);

    private static JsonNode?[] Pod(JsonObject o, Func<JsonObject, string> age)
    {
        var statuses = (o["status"]?["containerStatuses"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
        var total = (o["spec"]?["containers"] as JsonArray)?.Count ?? 0;
        var ready = statuses.Count(s => s["ready"]?.GetValue<bool>() == true);
        var restarts = statuses.Sum(s => s["restartCount"] is JsonValue v && v.TryGetValue<long>(out var n) ? n : 0);
        var reason = Meta.Str(o["status"]?["reason"]) ?? statuses.Select(s => Meta.Str(s["state"]?["waiting"]?["reason"])
            ?? Meta.Str(s["state"]?["terminated"]?["reason"])).FirstOrDefault(r => r is not null) ?? Str(o, "status.phase");
        if (Meta.IsDeleting(o))
        {
            reason = "Terminating";
        }

        return [Meta.Name(o), string.Create(CultureInfo.InvariantCulture, $"{ready}/{total}"), reason, restarts.ToString(CultureInfo.InvariantCulture),
            age(o), Or(Str(o, "status.podIP")), Or(Str(o, "spec.nodeName")), "<none>", "<none>"];
    }

    private static JsonNode?[] Node(JsonObject o, Func<JsonObject, string> age)
    {
        var ready = (o["status"]?["conditions"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(c => Meta.Str(c["type"]) == "Ready");
        var status = Meta.Str(ready?["status"]) == "True" ? "Ready" : ready is null ? "Unknown" : "NotReady";
        if (o["spec"]?["unschedulable"]?.GetValue<bool>() == true)
        {
            status += ",SchedulingDisabled";
        }

        var roles = Meta.Labels(o).Keys.Where(k => k.StartsWith("node-role.kubernetes.io/", StringComparison.Ordinal))
            .Select(k => k["node-role.kubernetes.io/".Length..]).ToList();
        var addresses = (o["status"]?["addresses"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
        string Address(string type) => Or(Meta.Str(addresses.FirstOrDefault(a => Meta.Str(a["type"]) == type)?["address"]) ?? string.Empty);
        return [Meta.Name(o), status, roles.Count == 0 ? "<none>" : string.Join(',', roles), age(o), Str(o, "status.nodeInfo.kubeletVersion"),
            Address("InternalIP"), Address("ExternalIP"), Or(Str(o, "status.nodeInfo.osImage")), Or(Str(o, "status.nodeInfo.kernelVersion")),
            Or(Str(o, "status.nodeInfo.containerRuntimeVersion"))];
    }

    private static JsonNode?[] Service(JsonObject o, Func<JsonObject, string> age)
    {
        var ports = (o["spec"]?["ports"] as JsonArray)?.OfType<JsonObject>()
            .Select(p => Meta.ScalarText(p["port"]) + (p["nodePort"] is { } np ? ":" + Meta.ScalarText(np) : string.Empty) + "/" + (Meta.Str(p["protocol"]) ?? "TCP"))
            .ToList() ?? [];
        var external = (o["status"]?["loadBalancer"]?["ingress"] as JsonArray)?.OfType<JsonObject>()
            .Select(i => Meta.Str(i["ip"]) ?? Meta.Str(i["hostname"])).OfType<string>().ToList() ?? [];
        var selector = Meta.StringMap(o["spec"]?["selector"]).Select(kv => kv.Key + "=" + kv.Value).ToList();
        return [Meta.Name(o), Str(o, "spec.type"), Or(Str(o, "spec.clusterIP")), external.Count == 0 ? "<none>" : string.Join(',', external),
            ports.Count == 0 ? "<none>" : string.Join(',', ports), age(o), selector.Count == 0 ? "<none>" : string.Join(',', selector)];
    }

    private static JsonNode?[] Event(JsonObject o, Func<JsonObject, string> age)
    {
        var obj = Str(o, "involvedObject.kind").ToLowerInvariant() + "/" + Str(o, "involvedObject.name");
        return [age(o), Str(o, "type"), Str(o, "reason"), obj, Str(o, "message"), Meta.Name(o)];
    }

    private static string Str(JsonObject o, string path) => Meta.ScalarText(Meta.Path(o, path)) ?? string.Empty;

    private static string Or(string s) => s.Length == 0 ? "<none>" : s;

    private static int Count(JsonNode? map) => (map as JsonObject)?.Count ?? 0;
}

/// <summary>A Table column definition.</summary>
public sealed record Column(string Name, string Type, int Priority = 0, string Format = "", string Description = "");
