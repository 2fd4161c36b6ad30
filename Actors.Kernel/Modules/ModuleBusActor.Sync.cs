using Actors.Kernel.Event;
using Microsoft.Extensions.Logging;

namespace Actors.Kernel.Modules;

/// <summary>Synchronous requests: one pending slot per request id, answered by parent id or timed out.</summary>
internal sealed partial class ModuleBusActor
{
    private readonly Dictionary<string, Pending> _pending = new(StringComparer.Ordinal);

    private void StartSync(SyncToModule s)
    {
        if (!CanStart(s.Id, s.Module, s.Reply))
        {
            return;
        }

        if (Resolve(s.Module, s.Message) is not { } target)
        {
            s.Reply.TrySetException(new ModuleDeliveryException("Cannot deliver to module " + s.Module));
            return;
        }

        Track(new Pending(s.Id, s.Module, s.Timeout, 1, s.Reply, null));
        target.Tell(s.Message, Sender);
    }

    private void StartGroupSync(SyncToGroup s)
    {
        if (!CanStart(s.Id, "group " + s.Group, s.Reply))
        {
            return;
        }

        var members = Members(s.Group, s.Message);
        if (members.Count == 0)
        {
            s.Reply.TrySetException(new ModuleDeliveryException("No running module in group " + s.Group));
            return;
        }

        Track(new Pending(s.Id, "group " + s.Group, s.Timeout, members.Count, null, s.Reply));
        foreach (var target in members)
        {
            target.Tell(s.Message, Sender);
        }
    }

    private bool CanStart<T>(string id, string target, TaskCompletionSource<T> reply)
    {
        if (!_pending.ContainsKey(id))
        {
            return true;
        }

        Context.GetLogger().LogWarning("Synchronous request {MsgId} to {Target} refused: a request with that id is pending", id, target);
        reply.TrySetException(new InvalidOperationException("A synchronous request with id " + id + " is already pending"));
        return false;
    }

    private void Track(Pending pending)
    {
        _pending[pending.Id] = pending;
        Timers.StartSingleTimer(pending.Id, new SyncTimedOut(pending.Id), pending.Timeout);
    }

    private void OnResponse(object response)
    {
        var parent = _options.Correlation.ParentIdOf(response);
        if (string.IsNullOrEmpty(parent) || !_pending.TryGetValue(parent, out var pending))
        {
            Context.GetLogger().LogWarning(
                "Dropped response {MsgId} to request {ParentId}: no caller is waiting (timed out, already answered or never asked)",
                _options.Correlation.IdOf(response),
                parent);
            return;
        }

        pending.Responses.Add(response);
        if (pending.Responses.Count < pending.Expected)
        {
            return;
        }

        _pending.Remove(parent);
        Timers.Cancel(parent);
        pending.Single?.TrySetResult(response);
        pending.Group?.TrySetResult(new GroupSyncResult(pending.Responses, pending.Expected, TimedOut: false));
    }

    private void OnTimeout(string id)
    {
        if (!_pending.Remove(id, out var pending))
        {
            return;
        }

        Context.GetLogger().LogWarning(
            "Synchronous request {MsgId} to {Target} timed out after {Timeout} with {Received}/{Expected} answers",
            id,
            pending.Target,
            pending.Timeout,
            pending.Responses.Count,
            pending.Expected);
        pending.Single?.TrySetException(new TimeoutException("No response to " + id + " from " + pending.Target + " within " + pending.Timeout));
        pending.Group?.TrySetResult(new GroupSyncResult(pending.Responses, pending.Expected, TimedOut: true));
    }

    private void FailAllPending()
    {
        foreach (var pending in _pending.Values)
        {
            var error = new ModuleDeliveryException("The module bus stopped before " + pending.Id + " was answered");
            pending.Single?.TrySetException(error);
            pending.Group?.TrySetException(error);
        }

        _pending.Clear();
    }

    private sealed record Pending(
        string Id,
        string Target,
        TimeSpan Timeout,
        int Expected,
        TaskCompletionSource<object>? Single,
        TaskCompletionSource<GroupSyncResult>? Group)
    {
        public List<object> Responses { get; } = [];
    }
}
