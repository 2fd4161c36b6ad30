namespace Actors.Cloud.Modules.Router;

/// <summary>RuleEndpoint types (<c>spec.ruleEndpointType</c>).</summary>
public static class EndpointTypes
{
    public const string Rest = "rest";
    public const string EventBus = "eventbus";
    public const string ServiceBus = "servicebus";
}

/// <summary>A rule resolved against its endpoints: where messages come from and go to.</summary>
/// <param name="Namespace">The rule's namespace (REST paths and edge topics are scoped by it).</param>
/// <param name="Name">The rule's name.</param>
/// <param name="SourceType">Source endpoint type.</param>
/// <param name="SourceResource">The rule's <c>sourceResource</c> (path, topic, node_name, target_url).</param>
/// <param name="TargetType">Target endpoint type.</param>
/// <param name="TargetResource">The rule's <c>targetResource</c> (topic, path, resource URL).</param>
/// <param name="TargetProperties">The target endpoint's properties (servicebus: <c>service_port</c>).</param>
public sealed record ResolvedRule(
    string Namespace,
    string Name,
    string SourceType,
    IReadOnlyDictionary<string, string> SourceResource,
    string TargetType,
    IReadOnlyDictionary<string, string> TargetResource,
    IReadOnlyDictionary<string, string> TargetProperties);

/// <summary>A REST request matched to a rule; <paramref name="Rest"/> is what followed the rule's path ("" or "/…").</summary>
public sealed record RestMatch(ResolvedRule Rule, string Rest);
