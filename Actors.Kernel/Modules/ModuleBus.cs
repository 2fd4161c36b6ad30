using Actors.Kernel.Actor;

namespace Actors.Kernel.Modules;

/// <summary>
/// The module bus API (beehive's context: <c>Send</c>, <c>SendToGroup</c>, <c>SendSync</c>, <c>SendToGroupSync</c>,
/// <c>SendResp</c>). Thread-safe; every call is a message to the bus actor, so sends from one sender to one module
/// arrive in order. Undeliverable messages are logged and published as <see cref="ModuleDeliveryFailed"/>.
/// </summary>
public sealed class ModuleBus
{
    private readonly ModuleCorrelation _correlation;
    private readonly TimeSpan _defaultTimeout;

    internal ModuleBus(IActorRef busActor, ModuleCorrelation correlation, TimeSpan defaultTimeout)
    {
        Ref = busActor;
        _correlation = correlation;
        _defaultTimeout = defaultTimeout;
    }

    /// <summary>The bus actor (its children are the modules' supervisors).</summary>
    public IActorRef Ref { get; }

    /// <summary>Unicast: deliver <paramref name="message"/> to <paramref name="module"/> (the sender is kept).</summary>
    public void Send(string module, object message)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(message);
        Ref.Tell(new DeliverToModule(module, message));
    }

    /// <summary>Broadcast to every running module of <paramref name="group"/>.</summary>
    public void SendToGroup(string group, object message)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(message);
        Ref.Tell(new DeliverToGroup(group, message));
    }

    /// <summary>
    /// Sends a request and completes with the first message whose parent id is the request's id (passed to
    /// <see cref="SendResponse"/>). Faults with <see cref="TimeoutException"/> after <paramref name="timeout"/>
    /// (default 30 s, measured on the system's TimeProvider) or <see cref="ModuleDeliveryException"/>.
    /// </summary>
    public Task<object> SendSync(string module, object message, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(message);
        var reply = new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!TryPrepare(message, out var request, out var id))
        {
            reply.SetException(new ArgumentException("A synchronous request needs a message id", nameof(message)));
            return reply.Task;
        }

        Ref.Tell(new SyncToModule(module, request, id, Effective(timeout), reply));
        return reply.Task;
    }

    /// <summary>
    /// Broadcasts a request to a group and completes when every running member answered, or at the timeout with the
    /// answers received so far (<see cref="GroupSyncResult.TimedOut"/>). An empty or unknown group faults.
    /// </summary>
    public Task<GroupSyncResult> SendToGroupSync(string group, object message, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(message);
        var reply = new TaskCompletionSource<GroupSyncResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!TryPrepare(message, out var request, out var id))
        {
            reply.SetException(new ArgumentException("A synchronous request needs a message id", nameof(message)));
            return reply.Task;
        }

        Ref.Tell(new SyncToGroup(group, request, id, Effective(timeout), reply));
        return reply.Task;
    }

    /// <summary>Answers a synchronous request (matched by the response's parent id); dropped with a log line if nobody waits.</summary>
    public void SendResponse(object response)
    {
        ArgumentNullException.ThrowIfNull(response);
        Ref.Tell(new RespondToCaller(response));
    }

    private TimeSpan Effective(TimeSpan? timeout) => timeout is { } t && t > TimeSpan.Zero ? t : _defaultTimeout;

    private bool TryPrepare(object message, out object request, out string id)
    {
        id = _correlation.IdOf(message) ?? string.Empty;
        request = _correlation.MarkSync?.Invoke(message) ?? message;
        return id.Length > 0;
    }
}
