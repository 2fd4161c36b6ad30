using Actors.Edge.Modules.DeviceTwin.Engine;
using Actors.Edge.Modules.DeviceTwin.Storage;
using Actors.Edge.Modules.DeviceTwin.Storage.Models;
using Actors.Messages.Wire;
using Microsoft.Extensions.Logging;

namespace Actors.Edge.Modules.DeviceTwin.Controller;

/// <summary>
/// Request scheduling (one request per key at a time, in arrival order) and group commit: plans and confirmations that
/// arrive while the controller is busy are committed together in one transaction when it gets to <see cref="Flush"/>;
/// nothing is published or applied to the cache before that commit. A membership update is a barrier: requests that
/// arrive after it wait until it is committed, so a twin sync sent right after the membership that adds its device
/// finds the device (the cloud sends both back to back).
/// </summary>
internal sealed partial class TwinController
{
    private readonly Dictionary<long, Pending> _inFlight = [];
    private readonly Dictionary<string, Queue<Pending>> _queues = new(StringComparer.Ordinal);
    private List<(Pending Pending, WorkPlanned Planned)> _planned = [];
    private List<string> _confirmed = [];
    private bool _flushScheduled;
    private readonly Queue<long> _barriers = new();
    private readonly Queue<(long Arrival, TwinRequest Request)> _held = new();
    private long _seq;
    private long _arrivals;

    private void Submit(TwinRequest request)
    {
        var arrival = ++_arrivals;
        if (request is MembershipUpdateRequest)
        {
            _barriers.Enqueue(arrival);
        }
        else if (_barriers.Count > 0 && request.Key != RequestKeys.Membership)
        {
            _held.Enqueue((arrival, request));
            return;
        }

        Schedule(request);
    }

    /// <summary>Membership update committed: release the requests that arrived before the next barrier.</summary>
    private void PassBarrier()
    {
        _barriers.Dequeue();
        var next = _barriers.Count > 0 ? _barriers.Peek() : long.MaxValue;
        while (_held.Count > 0 && _held.Peek().Arrival < next)
        {
            Schedule(_held.Dequeue().Request);
        }
    }

    private void Schedule(TwinRequest request)
    {
        var pending = new Pending(++_seq, request);
        if (_queues.TryGetValue(request.Key, out var queue))
        {
            queue.Enqueue(pending);
            return;
        }

        _queues[request.Key] = new Queue<Pending>([pending]);
        Dispatch(pending);
    }

    private void Dispatch(Pending pending)
    {
        _inFlight[pending.Seq] = pending;
        _workers[pending.Request.Worker].Tell(new PlanWork(pending.Seq, pending.Request, _devices), Self);
    }

    private void Complete(Pending pending)
    {
        _inFlight.Remove(pending.Seq);
        if (pending.Request is MembershipUpdateRequest)
        {
            PassBarrier();
        }

        var queue = _queues[pending.Request.Key];
        queue.Dequeue();
        if (queue.Count > 0)
        {
            Dispatch(queue.Peek());
        }
        else
        {
            _queues.Remove(pending.Request.Key);
        }
    }

    private void OnPlanned(WorkPlanned planned)
    {
        // A request handed out twice (after a child restart) is applied once: the first plan wins.
        if (!_inFlight.TryGetValue(planned.Seq, out var pending) || _planned.Exists(p => p.Pending == pending))
        {
            return;
        }

        if (IsStale(planned.Plan))
        {
            Dispatch(pending);
            return;
        }

        _planned.Add((pending, planned));
        ScheduleFlush();
    }

    private void OnConfirmed(string msgId)
    {
        _confirmed.Add(msgId);
        ScheduleFlush();
    }

    private void ScheduleFlush()
    {
        if (!_flushScheduled)
        {
            _flushScheduled = true;
            Self.Tell(FlushBatch.Instance, Self);
        }
    }

    /// <summary>A plan computed from cache entries that changed since (another key touched the same device).</summary>
    private bool IsStale(WorkPlan plan) =>
        plan.Bases.Any(b => !ReferenceEquals(_devices.GetValueOrDefault(b.Key), b.Value));

    private void Flush()
    {
        _flushScheduled = false;
        var (planned, confirmed) = (_planned, _confirmed);
        (_planned, _confirmed) = ([], []);
        var accepted = new List<(Pending Pending, WorkPlanned Planned)>(planned.Count);
        var touched = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in planned)
        {
            // Two plans of one batch must not build on the same cache entry: the later one is recomputed.
            if (item.Planned.Plan.Bases.Keys.Any(touched.Contains))
            {
                Dispatch(item.Pending);
                continue;
            }

            touched.UnionWith(item.Planned.Plan.Devices.Keys);
            accepted.Add(item);
        }

        var outcomes = Commit(accepted.Select(a => a.Planned).ToList(), confirmed);
        var added = new List<(long Seq, MessageEnvelope Envelope)>();
        for (var i = 0; i < accepted.Count; i++)
        {
            Apply(accepted[i].Planned, outcomes[i], added);
            if (outcomes[i] is not null)
            {
                _metrics.Committed(accepted[i].Pending.Request);
            }

            Complete(accepted[i].Pending);
        }

        _metrics.Devices(_devices.Count);

        if (added.Count > 0)
        {
            _communication.Tell(new OutboxAdded(added), Self);
        }
    }

    private void Apply(WorkPlanned planned, List<CloudOutboxRow>? outbox, List<(long Seq, MessageEnvelope Envelope)> added)
    {
        var plan = planned.Plan;
        if (plan.Warning is not null)
        {
            Log.LogWarning("DeviceTwin: {Warning}", plan.Warning);
        }

        if (outbox is null)
        {
            if (plan.OnStoreFailure is { } failure)
            {
                Publish(failure);
            }

            return;
        }

        foreach (var (id, entry) in plan.Devices)
        {
            _devices = entry is null ? _devices.Remove(id) : _devices.SetItem(id, entry);
        }

        for (var i = 0; i < outbox.Count; i++)
        {
            added.Add((outbox[i].Seq, plan.ToCloud[i]));
        }

        foreach (var publication in planned.Publications)
        {
            Publish(publication);
        }
    }

    /// <summary>
    /// Commits every plan and confirmation in one transaction; if that fails, each one on its own so a bad plan only
    /// fails itself. Per plan: its outbox rows, or null when it could not be stored.
    /// </summary>
    private List<CloudOutboxRow>?[] Commit(List<WorkPlanned> plans, List<string> confirmed)
    {
        var results = new List<CloudOutboxRow>?[plans.Count];
        if (TryStore(() =>
        {
            Delete(confirmed);
            for (var i = 0; i < plans.Count; i++)
            {
                results[i] = Write(plans[i]);
            }
        }))
        {
            return results;
        }

        TryStore(() => Delete(confirmed));
        for (var i = 0; i < plans.Count; i++)
        {
            var plan = plans[i];
            List<CloudOutboxRow>? rows = null;
            results[i] = TryStore(() => rows = Write(plan)) ? rows : null;
        }

        return results;
    }

    private List<CloudOutboxRow> Write(WorkPlanned planned)
    {
        foreach (var write in planned.Plan.Writes)
        {
            write.Apply(_store);
        }

        var rows = new List<CloudOutboxRow>(planned.OutboxTexts.Count);
        for (var i = 0; i < planned.OutboxTexts.Count; i++)
        {
            rows.Add(_store.AddOutbox(new CloudOutboxRow(0, planned.Plan.ToCloud[i].Header.MsgId, planned.OutboxTexts[i])));
        }

        return rows;
    }

    private void Delete(List<string> confirmed)
    {
        foreach (var msgId in confirmed)
        {
            _store.DeleteOutbox(msgId);
        }
    }

    private bool TryStore(Action body)
    {
        try
        {
            _store.InTransaction(body);
            return true;
        }
        catch (Exception e) when (e is DeviceStoreException or ArgumentException)
        {
            Log.LogError(e, "DeviceTwin could not store a change; it was rolled back");
            return false;
        }
    }

    /// <summary>A request handed to a worker and not yet committed.</summary>
    private sealed class Pending(long seq, TwinRequest request)
    {
        public long Seq { get; } = seq;

        public TwinRequest Request { get; } = request;

        public int Attempts { get; set; }
    }
}
