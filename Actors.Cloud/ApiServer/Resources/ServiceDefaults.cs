using System.Globalization;
using System.Text.Json.Nodes;
using Actors.Cloud.ApiServer.Storage;

namespace Actors.Cloud.ApiServer.Resources;

/// <summary>Service defaults: type ClusterIP, port protocol TCP, targetPort = port, and a cluster IP from 10.96.0.0/16.</summary>
public static class ServiceDefaults
{
    public static void Apply(IStoreTransaction tx, JsonObject svc)
    {
        var spec = svc["spec"] as JsonObject ?? new JsonObject();
        svc["spec"] = spec;
        spec["type"] ??= "ClusterIP";
        spec["sessionAffinity"] ??= "None";
        if (spec["ports"] is JsonArray ports)
        {
            foreach (var port in ports.OfType<JsonObject>())
            {
                port["protocol"] ??= "TCP";
                port["targetPort"] ??= port["port"]?.DeepClone();
            }
        }

        if (spec["clusterIP"] is null && Meta.Str(spec["type"]) != "ExternalName")
        {
            var used = tx.List("core/services", null).Select(s => Meta.Str(s["spec"]?["clusterIP"])).OfType<string>().ToHashSet();
            for (var n = 10; n < 65535; n++)
            {
                var ip = string.Create(CultureInfo.InvariantCulture, $"10.96.{n / 256}.{n % 256}");
                if (!used.Contains(ip))
                {
                    spec["clusterIP"] = ip;
                    spec["clusterIPs"] = new JsonArray(ip);
                    break;
                }
            }
        }

        svc["status"] ??= new JsonObject { ["loadBalancer"] = new JsonObject() };
    }
}
