using Actors.Messages.Bus;

namespace Actors.Messages.Wire;

/// <summary>
/// Pure correlation functions for the kernel's module bus (<c>ModuleCorrelation</c>): both hosts pass the same ones.
/// Understands a bare <see cref="MessageEnvelope"/> and the bus records that carry exactly one envelope; anything
/// else has no id. Empty ids are reported as null.
/// </summary>
public static class EnvelopeCorrelation
{
    /// <summary>The message's <c>msg_id</c>, or null.</summary>
    public static string? IdOf(object message) => NonEmpty(EnvelopeOf(message)?.Header.MsgId);

    /// <summary>The message's <c>parent_msg_id</c> (set on responses), or null.</summary>
    public static string? ParentIdOf(object message) => NonEmpty(EnvelopeOf(message)?.Header.ParentMsgId);

    /// <summary>The message with <c>header.sync</c> set, as beehive's SendSync does; other messages unchanged.</summary>
    public static object MarkSync(object message) => message switch
    {
        MessageEnvelope e => WithSync(e),
        BusMessage b => b with { Envelope = WithSync(b.Envelope) },
        SendToModule s => s with { Envelope = WithSync(s.Envelope) },
        SendToGroup g => g with { Envelope = WithSync(g.Envelope) },
        _ => message,
    };

    /// <summary>The one envelope a message carries, or null.</summary>
    public static MessageEnvelope? EnvelopeOf(object message) => message switch
    {
        MessageEnvelope e => e,
        BusMessage b => b.Envelope,
        SendResponse r => r.Response,
        SendSyncResponse r => r.Response,
        SendToModule s => s.Envelope,
        SendToGroup g => g.Envelope,
        _ => null,
    };

    private static MessageEnvelope WithSync(MessageEnvelope e) => e with { Header = e.Header with { Sync = true } };

    private static string? NonEmpty(string? id) => string.IsNullOrEmpty(id) ? null : id;
}
