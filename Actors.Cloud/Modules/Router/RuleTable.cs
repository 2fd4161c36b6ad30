using Actors.Cloud.Kubernetes.Models;

namespace Actors.Cloud.Modules.Router;

/// <summary>One usable rule: where messages come from and where they go, with the endpoints' types resolved.</summary>
public sealed record RouteRule(
    string Namespace, string Name, string SourceType, IReadOnlyDictionary<string, string> SourceResource,
    string TargetType, IReadOnlyDictionary<string, string> TargetResource, IReadOnlyDictionary<string, string> TargetProperties);

/// <summary>
/// An immutable snapshot of the Rules whose source and target RuleEndpoints exist (pure; rebuilt by the router actor,
/// read by the REST server's threads). REST rules match <c>/&lt;namespace&gt;/&lt;path&gt;</c> segment by segment, where a
/// <c>{name}</c> segment matches anything; the rule with the longest path wins and the rest of the URL is kept.
/// </summary>
public sealed class RuleTable
{
    public const string Rest = "rest";
    public const string EventBus = "eventbus";
    public const string ServiceBus = "servicebus";

    private RuleTable(IReadOnlyList<RouteRule> rules) => Rules = rules;

    public static RuleTable Empty { get; } = new([]);

    public IReadOnlyList<RouteRule> Rules { get; }

    /// <summary>Builds the table; rules with a missing endpoint or an unknown endpoint type are left out.</summary>
    public static RuleTable Build(IEnumerable<Rule> rules, IEnumerable<RuleEndpoint> endpoints)
    {
        var byKey = endpoints.ToDictionary(e => (e.Metadata.Namespace ?? "default") + "/" + e.Metadata.Name, StringComparer.Ordinal);
        var built = new List<RouteRule>();
        foreach (var rule in rules)
        {
            var ns = rule.Metadata.Namespace ?? "default";
            if (rule.Spec is not { } spec
                || !byKey.TryGetValue(ns + "/" + spec.Source, out var source)
                || !byKey.TryGetValue(ns + "/" + spec.Target, out var target)
                || source.Spec?.RuleEndpointType is not (Rest or EventBus or ServiceBus)
                || target.Spec?.RuleEndpointType is not (Rest or EventBus or ServiceBus))
            {
                continue;
            }

            built.Add(new RouteRule(
                ns, rule.Metadata.Name ?? string.Empty, source.Spec.RuleEndpointType, spec.SourceResource ?? [],
                target.Spec.RuleEndpointType, spec.TargetResource ?? [], target.Spec.Properties ?? []));
        }

        return new RuleTable(built);
    }

    /// <summary>The REST rule for <c>/&lt;ns&gt;/&lt;path…&gt;</c> and the unmatched rest of the path (<c>""</c> or <c>/x/y</c>).</summary>
    public (RouteRule Rule, string Remainder)? MatchRest(string @namespace, IReadOnlyList<string> pathSegments)
    {
        (RouteRule, string)? best = null;
        var bestLength = -1;
        foreach (var rule in Rules.Where(r => r.SourceType == Rest && r.Namespace == @namespace))
        {
            var pattern = Segments(rule.SourceResource.GetValueOrDefault("path") ?? string.Empty);
            if (pattern.Length > pathSegments.Count || pattern.Length <= bestLength)
            {
                continue;
            }

            if (pattern.Select((p, i) => IsParameter(p) || p == pathSegments[i]).All(ok => ok))
            {
                bestLength = pattern.Length;
                var rest = string.Concat(pathSegments.Skip(pattern.Length).Select(s => "/" + s));
                best = (rule, rest);
            }
        }

        return best;
    }

    /// <summary>The eventbus-source rules a message from <paramref name="node"/> on <paramref name="topic"/> (<c>&lt;ns&gt;/&lt;topic&gt;</c>) matches.</summary>
    public IEnumerable<RouteRule> MatchEventBus(string node, string topic) =>
        Rules.Where(r => r.SourceType == EventBus
            && r.SourceResource.GetValueOrDefault("node_name") == node
            && r.Namespace + "/" + r.SourceResource.GetValueOrDefault("topic") == topic);

    public static string[] Segments(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries);

    private static bool IsParameter(string segment) => segment.Length > 2 && segment[0] == '{' && segment[^1] == '}';
}
