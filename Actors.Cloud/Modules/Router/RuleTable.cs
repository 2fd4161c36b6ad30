using Actors.Cloud.Kubernetes.Models;

namespace Actors.Cloud.Modules.Router;

/// <summary>
/// The rules in force, resolved against their endpoints (pure; rebuilt on every informer change). REST matching
/// follows KubeEdge's router: the request <c>/&lt;node&gt;/&lt;ns&gt;/&lt;path…&gt;</c> matches a rest-sourced rule of
/// namespace <c>ns</c> whose <c>sourceResource.path</c> is a segment prefix of the path (<c>{name}</c> matches any one
/// segment); the most specific rule wins (most segments, then fewest wildcards, then name). Rules whose endpoints
/// are missing or of an unknown type are reported in <see cref="Problems"/> and never match.
/// </summary>
public sealed class RuleTable
{
    private readonly List<(ResolvedRule Rule, string[] Template)> _rest = [];

    private RuleTable(IReadOnlyList<ResolvedRule> rules, IReadOnlyList<string> problems)
    {
        Rules = rules;
        Problems = problems;
        foreach (var rule in rules.Where(r => r.SourceType == EndpointTypes.Rest))
        {
            _rest.Add((rule, Segments(rule.SourceResource.GetValueOrDefault("path", string.Empty))));
        }
    }

    /// <summary>An empty table.</summary>
    public static RuleTable Empty { get; } = new([], []);

    /// <summary>Every usable rule.</summary>
    public IReadOnlyList<ResolvedRule> Rules { get; }

    /// <summary>Why some rules are not usable (one line each, naming the rule).</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>Resolves rules against the endpoints of their namespace.</summary>
    public static RuleTable Build(IEnumerable<Rule> rules, IEnumerable<RuleEndpoint> endpoints)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(endpoints);
        var byKey = endpoints
            .Where(e => e.Metadata?.Name is not null)
            .GroupBy(e => (e.Metadata!.Namespace ?? "default") + "/" + e.Metadata!.Name)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var resolved = new List<ResolvedRule>();
        var problems = new List<string>();
        foreach (var rule in rules.Where(r => r.Metadata?.Name is not null && r.Spec is not null))
        {
            var ns = rule.Metadata!.Namespace ?? "default";
            var name = ns + "/" + rule.Metadata.Name;
            if (!byKey.TryGetValue(ns + "/" + rule.Spec!.Source, out var source) || !byKey.TryGetValue(ns + "/" + rule.Spec.Target, out var target))
            {
                problems.Add("rule " + name + ": source '" + rule.Spec.Source + "' or target '" + rule.Spec.Target + "' is not a RuleEndpoint in " + ns);
                continue;
            }

            var sourceType = source.Spec?.RuleEndpointType ?? string.Empty;
            var targetType = target.Spec?.RuleEndpointType ?? string.Empty;
            if (!IsSupported(sourceType, targetType))
            {
                problems.Add("rule " + name + ": " + sourceType + " -> " + targetType + " is not a supported route");
                continue;
            }

            resolved.Add(new ResolvedRule(ns, rule.Metadata.Name!, sourceType, Copy(rule.Spec.SourceResource), targetType,
                Copy(rule.Spec.TargetResource), Copy(target.Spec?.Properties)));
        }

        return new RuleTable(resolved, problems);
    }

    /// <summary>The rule for a REST request on <paramref name="path"/> (after <c>/&lt;node&gt;/&lt;ns&gt;</c>), or null.</summary>
    public RestMatch? MatchRest(string ns, string path)
    {
        var segments = Segments(path);
        RestMatch? best = null;
        (int Length, int Wildcards) bestScore = (-1, 0);
        foreach (var (rule, template) in _rest)
        {
            if (rule.Namespace != ns || template.Length == 0 || template.Length > segments.Length || !PrefixMatches(template, segments))
            {
                continue;
            }

            var score = (template.Length, template.Count(IsWildcard));
            if (best is null || score.Length > bestScore.Length || (score.Length == bestScore.Length && score.Item2 < bestScore.Wildcards))
            {
                best = new RestMatch(rule, segments.Length == template.Length ? string.Empty : "/" + string.Join('/', segments[template.Length..]));
                bestScore = score;
            }
        }

        return best;
    }

    /// <summary>Eventbus-sourced rules for an upload from <paramref name="node"/> on topic <c>&lt;ns&gt;/&lt;topic&gt;</c>.</summary>
    public IEnumerable<ResolvedRule> MatchEventBus(string node, string ns, string topic) => Rules.Where(r =>
        r.SourceType == EndpointTypes.EventBus && r.Namespace == ns
        && r.SourceResource.GetValueOrDefault("topic") == topic
        && r.SourceResource.GetValueOrDefault("node_name") is { } n && n == node);

    /// <summary>The servicebus-sourced rule allowing <paramref name="node"/> to call <paramref name="targetUrl"/>, or null.</summary>
    public ResolvedRule? MatchServiceBus(string node, string targetUrl) => Rules.FirstOrDefault(r =>
        r.SourceType == EndpointTypes.ServiceBus
        && r.SourceResource.GetValueOrDefault("node_name") == node
        && r.SourceResource.GetValueOrDefault("target_url") == targetUrl);

    private static bool IsSupported(string source, string target) => (source, target) switch
    {
        (EndpointTypes.Rest, EndpointTypes.EventBus) => true,
        (EndpointTypes.Rest, EndpointTypes.ServiceBus) => true,
        (EndpointTypes.EventBus, EndpointTypes.Rest) => true,
        (EndpointTypes.ServiceBus, EndpointTypes.Rest) => true,
        _ => false,
    };

    private static bool PrefixMatches(string[] template, string[] segments)
    {
        for (var i = 0; i < template.Length; i++)
        {
            if (!IsWildcard(template[i]) && !string.Equals(template[i], segments[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsWildcard(string segment) => segment.Length > 2 && segment[0] == '{' && segment[^1] == '}';

    private static string[] Segments(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries);

    private static Dictionary<string, string> Copy(Dictionary<string, string>? source) =>
        source is null ? new(StringComparer.Ordinal) : new(source, StringComparer.Ordinal);
}
