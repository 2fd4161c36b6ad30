using Actors.Messages.Routing;
using Actors.Messages.Wire;

namespace Actors.Cloud.Modules.Router;

/// <summary>
/// What nodes must be told when rules change: an eventbus-sourced rule subscribes its node to
/// <c>&lt;ns&gt;/&lt;topic&gt;</c>; a servicebus-sourced rule allows its node to call the target URL. Removed rules undo it.
/// </summary>
internal static class RuleSubscriptions
{
    public static IEnumerable<MessageEnvelope> Diff(RuleTable before, RuleTable after, Func<MessageHeader> header)
    {
        var old = Keys(before);
        var now = Keys(after);
        foreach (var added in now.Except(old))
        {
            yield return Envelope(added, subscribe: true, header());
        }

        foreach (var removed in old.Except(now))
        {
            yield return Envelope(removed, subscribe: false, header());
        }
    }

    /// <summary>
    /// Everything <paramref name="node"/> must have been told (sent again when it connects: subscriptions are
    /// fire-and-forget, so one sent while the node was offline, or before a cloudcore restart, would be lost).
    /// </summary>
    public static IEnumerable<MessageEnvelope> ForNode(RuleTable table, string node, Func<MessageHeader> header) =>
        Keys(table).Where(k => k.Node == node).Select(k => Envelope(k, subscribe: true, header()));

    private static HashSet<(string Type, string Node, string Ns, string Value)> Keys(RuleTable table)
    {
        var keys = new HashSet<(string, string, string, string)>();
        foreach (var rule in table.Rules)
        {
            var node = rule.SourceResource.GetValueOrDefault("node_name");
            if (string.IsNullOrEmpty(node))
            {
                continue;
            }

            if (rule.SourceType == EndpointTypes.EventBus && rule.SourceResource.GetValueOrDefault("topic") is { Length: > 0 } topic)
            {
                keys.Add((EndpointTypes.EventBus, node, rule.Namespace, topic));
            }
            else if (rule.SourceType == EndpointTypes.ServiceBus && rule.SourceResource.GetValueOrDefault("target_url") is { Length: > 0 } url)
            {
                keys.Add((EndpointTypes.ServiceBus, node, rule.Namespace, url));
            }
        }

        return keys;
    }

    private static MessageEnvelope Envelope((string Type, string Node, string Ns, string Value) key, bool subscribe, MessageHeader header) =>
        key.Type == EndpointTypes.EventBus
            ? RouterEnvelopes.Subscription(header, subscribe ? Operations.Subscribe : Operations.Unsubscribe, key.Node, key.Ns, key.Value)
            : RouterEnvelopes.TargetUrl(header, subscribe ? Operations.Start : Operations.Stop, key.Node, key.Value);
}
