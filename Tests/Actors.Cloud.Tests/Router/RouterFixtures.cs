using Actors.Cloud.Kubernetes.Models;
using Actors.Cloud.Modules.Router;

namespace Actors.Cloud.Tests.Router;

/// <summary>Rules and endpoints as the KubeEdge examples write them (namespace default).</summary>
internal static class RouterFixtures
{
    public static RuleEndpoint[] Endpoints(string servicePort = "8080") =>
    [
        Endpoint("rest", "rest", []),
        Endpoint("eventbus", "eventbus", []),
        Endpoint("servicebus", "servicebus", new() { ["service_port"] = servicePort }),
    ];

    public static RuleTable Table(params Rule[] rules) => RuleTable.Build(rules, Endpoints());

    public static Rule RestToBus(string name, string path, string topic) =>
        Rule(name, "rest", "eventbus", new() { ["path"] = path }, new() { ["topic"] = topic });

    public static Rule RestToService(string name, string path, string targetPath) =>
        Rule(name, "rest", "servicebus", new() { ["path"] = path }, new() { ["path"] = targetPath });

    public static Rule BusToRest(string name, string node, string topic, string url) =>
        Rule(name, "eventbus", "rest", new() { ["topic"] = topic, ["node_name"] = node }, new() { ["resource"] = url });

    public static Rule ServiceToRest(string name, string node, string url) =>
        Rule(name, "servicebus", "rest", new() { ["target_url"] = url, ["node_name"] = node }, new() { ["resource"] = url });

    public static Rule Rule(string name, string source, string target, Dictionary<string, string> sourceResource, Dictionary<string, string> targetResource) => new()
    {
        ApiVersion = "rules.kubeedge.io/v1",
        Kind = "Rule",
        Metadata = new ObjectMeta { Name = name, Namespace = "default" },
        Spec = new RuleSpec { Source = source, Target = target, SourceResource = sourceResource, TargetResource = targetResource },
    };

    private static RuleEndpoint Endpoint(string name, string type, Dictionary<string, string> properties) => new()
    {
        ApiVersion = "rules.kubeedge.io/v1",
        Kind = "RuleEndpoint",
        Metadata = new ObjectMeta { Name = name, Namespace = "default" },
        Spec = new RuleEndpointSpec { RuleEndpointType = type, Properties = properties },
    };
}
