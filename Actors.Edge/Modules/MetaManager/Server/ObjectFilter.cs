using System.Text.Json;
using System.Text.Json.Nodes;
using Actors.Messages.Kubernetes;

namespace Actors.Edge.Modules.MetaManager.Server;

/// <summary>
/// The MetaServer's <c>labelSelector</c> and <c>fieldSelector</c> (Kubernetes syntax) over stored object texts, and
/// the watch rule the API server follows: an object that starts matching is ADDED, one that stops matching is
/// DELETED, changes while it matches are MODIFIED (<see cref="WatchState"/>).
/// </summary>
internal sealed class ObjectFilter(LabelSelector labels, FieldSelector fields)
{
    public static ObjectFilter Everything { get; } = new(LabelSelector.Everything, FieldSelector.Everything);

    /// <exception cref="FormatException">A selector is malformed.</exception>
    public static ObjectFilter Parse(string? labelSelector, string? fieldSelector) =>
        new(LabelSelector.Parse(labelSelector), FieldSelector.Parse(fieldSelector));

    public bool IsEverything => labels.IsEverything && fields.IsEverything;

    public bool Matches(string json)
    {
        if (IsEverything)
        {
            return true;
        }

        try
        {
            return JsonNode.Parse(json) is JsonObject obj && labels.Matches(Labels(obj)) && fields.Matches(obj);
        }
        catch (JsonException)
        {
            return false; // a stored value that is not an object matches no selector
        }
    }

    private static Dictionary<string, string> Labels(JsonObject obj)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (obj["metadata"]?["labels"] is JsonObject labels)
        {
            foreach (var (key, value) in labels)
            {
                map[key] = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value?.ToJsonString() ?? string.Empty;
            }
        }

        return map;
    }

    /// <summary>One watch's view: which objects (by store key) currently match, and what each change means for it.</summary>
    public sealed class WatchState(ObjectFilter filter)
    {
        private readonly HashSet<string> _matching = new(StringComparer.Ordinal);

        /// <summary>Records the initial list; returns the objects that match (to be sent as ADDED).</summary>
        public IEnumerable<string> Initial(IEnumerable<(string Key, string Value)> current)
        {
            foreach (var (key, value) in current)
            {
                if (filter.Matches(value))
                {
                    _matching.Add(key);
                    yield return value;
                }
            }
        }

        /// <summary>The event type to send for a change, or null when this watch does not see it.</summary>
        public string? Translate(string type, string key, string value)
        {
            var was = _matching.Contains(key);
            if (type == WatchChange.Deleted)
            {
                return _matching.Remove(key) ? WatchChange.Deleted : null;
            }

            var now = filter.Matches(value);
            return (was, now) switch
            {
                (true, true) => WatchChange.Modified,
                (false, true) when _matching.Add(key) => WatchChange.Added,
                (true, false) when _matching.Remove(key) => WatchChange.Deleted,
                _ => null,
            };
        }
    }
}
