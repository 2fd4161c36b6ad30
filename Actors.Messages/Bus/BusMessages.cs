using System.Collections.Immutable;
using Actors.Messages.Wire;

namespace Actors.Messages.Bus;

/// <summary>
/// The module bus (beehive's semantics on the actor kernel): modules register by name and group; envelopes are sent
/// to one module, broadcast to a group, or sent synchronously and answered through <c>parent_msg_id</c>. Replies to
/// requests travel through the kernel's Sender, never through actor references inside these records.
/// </summary>
public interface IBusMessage;

/// <summary>A module asks the bus to register it (the sender is the module's actor).</summary>
public sealed record RegisterModule(string Name, string Group) : IBusMessage;

/// <summary>The bus confirms a registration.</summary>
public sealed record ModuleRegistered(string Name, string Group) : IBusMessage;

/// <summary>A module leaves the bus.</summary>
public sealed record UnregisterModule(string Name) : IBusMessage;

/// <summary>What a module receives from the bus: one envelope.</summary>
public sealed record BusMessage(MessageEnvelope Envelope) : IBusMessage;

/// <summary>Unicast (beehive <c>Send</c>).</summary>
public sealed record SendToModule(string Module, MessageEnvelope Envelope) : IBusMessage;

/// <summary>Broadcast to every module of a group (beehive <c>SendToGroup</c>).</summary>
public sealed record SendToGroup(string Group, MessageEnvelope Envelope) : IBusMessage;

/// <summary>
/// Request/response (beehive <c>SendSync</c>): the bus sets <c>sync</c>, delivers to <paramref name="Module"/> and
/// answers the sender with <see cref="SendSyncResponse"/> or <see cref="SendSyncTimedOut"/>.
/// </summary>
public sealed record SendSyncRequest(string Module, MessageEnvelope Envelope, TimeSpan Timeout) : IBusMessage
{
    /// <summary>beehive's <c>MessageTimeoutDefault</c>.</summary>
    public static TimeSpan DefaultTimeout { get; } = TimeSpan.FromSeconds(30);

    public SendSyncRequest(string module, MessageEnvelope envelope)
        : this(module, envelope, DefaultTimeout)
    {
    }
}

/// <summary>The answer to a <see cref="SendSyncRequest"/> (its parent id is the request's msg_id).</summary>
public sealed record SendSyncResponse(MessageEnvelope Response) : IBusMessage;

/// <summary>No answer within the timeout; a later answer is dropped with a log line.</summary>
public sealed record SendSyncTimedOut(string MsgId, string Module, TimeSpan Timeout) : IBusMessage;

/// <summary>Broadcast to a group and wait for every member's answer (beehive <c>SendToGroupSync</c>).</summary>
public sealed record SendToGroupSyncRequest(string Group, MessageEnvelope Envelope, TimeSpan Timeout) : IBusMessage;

/// <summary>All answers to a <see cref="SendToGroupSyncRequest"/>, or the timeout with the answers received.</summary>
public sealed record SendToGroupSyncResponse(ImmutableArray<MessageEnvelope> Responses, bool TimedOut) : IBusMessage;

/// <summary>A module answers a synchronous request (beehive <c>SendResp</c>); matched by <c>parent_msg_id</c>.</summary>
public sealed record SendResponse(MessageEnvelope Response) : IBusMessage;

/// <summary>The bus could not deliver: no such module or group.</summary>
public sealed record DeliveryFailed(string Target, string MsgId, string Reason) : IBusMessage;

/// <summary>Broadcast when the edge's link to the cloud is up (EdgeHub → groups meta, twin, bus, taskmanager).</summary>
public sealed record CloudConnected(DateTimeOffset At) : IBusMessage;

/// <summary>Broadcast when the edge's link to the cloud is lost.</summary>
public sealed record CloudDisconnected(DateTimeOffset At, string Reason) : IBusMessage;
