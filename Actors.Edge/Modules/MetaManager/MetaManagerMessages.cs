using Actors.Messages.Wire;

namespace Actors.Edge.Modules.MetaManager;

/// <summary>Messages MetaManager's actor sends itself (timers and piped task results).</summary>
internal interface IMetaManagerInternal;

/// <summary>Timer tick: upload stored pod statuses to the cloud.</summary>
internal sealed record SyncPodStatus : IMetaManagerInternal
{
    public static SyncPodStatus Instance { get; } = new();
}

/// <summary>A cloud message whose store write failed, processed again.</summary>
internal sealed record RetryCloudMessage(MessageEnvelope Envelope, int Attempt) : IMetaManagerInternal;

/// <summary>The outcome of a remote query sent to EdgeHub for <paramref name="Request"/>.</summary>
internal sealed record RemoteQueryDone(MessageEnvelope Request, object? Answer, Exception? Error) : IMetaManagerInternal;

/// <summary>Self-addressed: write the queued cloud messages now (group commit).</summary>
internal sealed record FlushCloudBatch : IMetaManagerInternal
{
    public static FlushCloudBatch Instance { get; } = new();
}

/// <summary>Timer → self: try to start the MetaServer again (its port was taken).</summary>
internal sealed record StartMetaServer(int Attempt) : IMetaManagerInternal;
