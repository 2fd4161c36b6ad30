using Actors.Messages.Wire;

namespace Actors.Cloud.Modules.Router;

/// <summary>The rules changed (from <see cref="RuleWatcher"/>, or a test).</summary>
public sealed record RulesChanged(RuleTable Table);

/// <summary>A REST request on the router's listener; answered with <see cref="RestAnswer"/>.</summary>
public sealed record RestCall(string Node, string Namespace, string Path, string Query, string Method, IReadOnlyDictionary<string, IReadOnlyList<string>> Headers, byte[] Body, string Url);

/// <summary>What the REST caller gets.</summary>
public sealed record RestAnswer(int Status, IReadOnlyDictionary<string, IReadOnlyList<string>> Headers, ReadOnlyMemory<byte> Body)
{
    public static RestAnswer Text(int status, string text) => new(
        status,
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { ["Content-Type"] = ["text/plain; charset=utf-8"] },
        System.Text.Encoding.UTF8.GetBytes(text));
}

/// <summary>The router's listener is up (published on the event stream, with its real address).</summary>
public sealed record RouterListening(Uri Address);

internal sealed record RestTimedOut(string RequestId);

internal sealed record ListenerStarted(RestListener? Listener, string? Error);

internal sealed record TargetPosted(string Rule, string Target, int Status, string? Error, RuleOutcome? Outcome = null);

internal sealed record ForwardToNode(MessageEnvelope Envelope, RuleOutcome? Outcome = null);

/// <summary>One message routed by a rule: delivered (<paramref name="Error"/> null) or failed with a reason.</summary>
internal sealed record RuleOutcome(string Namespace, string Name, string? Error)
{
    public static RuleOutcome Of(ResolvedRule rule, string? error = null) => new(rule.Namespace, rule.Name, error);
}
