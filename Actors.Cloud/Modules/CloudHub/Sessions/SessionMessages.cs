using Actors.Messages.Wire;

namespace Actors.Cloud.Modules.CloudHub.Sessions;

/// <summary>Messages a node session sends itself (from its reader and writer tasks and its timers).</summary>
internal interface ISessionMessage;

internal sealed record FrameArrived(byte[] Frame) : ISessionMessage;

internal sealed record FrameTooLarge(long Size) : ISessionMessage;

internal sealed record ConnectionEnded(string Reason) : ISessionMessage;

internal sealed record KeepaliveExpired : ISessionMessage
{
    public static KeepaliveExpired Instance { get; } = new();
}

/// <summary>The session's single retry timer fired: resend what is due.</summary>
internal sealed record RetryTick : ISessionMessage
{
    public static RetryTick Instance { get; } = new();
}

/// <summary>A stopping session hands its unacknowledged messages back to <see cref="CloudHubActor"/>.</summary>
internal sealed record PendingHandedBack(string NodeId, IReadOnlyList<MessageEnvelope> Envelopes);
