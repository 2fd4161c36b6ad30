namespace Actors.Messages.Wire;

/// <summary>
/// Beehive message header (<c>header</c> in KubeEdge's JSON). <paramref name="Timestamp"/> is Unix time in
/// milliseconds. Empty strings mean "absent" and are omitted on the wire, as Go's <c>omitempty</c> does.
/// </summary>
/// <param name="MsgId">JSON <c>msg_id</c>: a UUID v4 in KubeEdge.</param>
/// <param name="ParentMsgId">JSON <c>parent_msg_id</c>: the request id on responses, otherwise empty.</param>
/// <param name="Timestamp">JSON <c>timestamp</c>: Unix milliseconds.</param>
/// <param name="ResourceVersion">JSON <c>resourceversion</c>: k8s resourceVersion of the object in the content.</param>
/// <param name="Sync">JSON <c>sync</c>: set by an in-process SendSync; normally false on the wire.</param>
/// <param name="Type">JSON <c>type</c>: beehive context type, empty for the in-process channel.</param>
public sealed record MessageHeader(
    string MsgId,
    string ParentMsgId = "",
    long Timestamp = 0,
    string ResourceVersion = "",
    bool Sync = false,
    string Type = "")
{
    /// <summary>A header with a fresh UUID v4 id and the current time of <paramref name="time"/>.</summary>
    public static MessageHeader New(TimeProvider time) =>
        new(Guid.NewGuid().ToString(), Timestamp: time.GetUtcNow().ToUnixTimeMilliseconds());

    /// <summary>True when this message answers another one (non-empty parent id).</summary>
    public bool IsResponse => ParentMsgId.Length > 0;
}
