using System.Text;
using Actors.Edge.Modules.DeviceTwin.Engine;
using Actors.Edge.Modules.DeviceTwin.Storage;
using Actors.Edge.Modules.DeviceTwin.Storage.Models;
using Actors.Messages.Wire;
using Microsoft.Extensions.Logging;

namespace Actors.Edge.Modules.DeviceTwin.Controller;

/// <summary>Request scheduling (one request per key at a time, in arrival order) and plan commits.</summary>
internal sealed partial class TwinController
{
    private readonly Dictionary<long, Pending> _inFlight = [];
    private readonly Dictionary<string, Queue<Pending>> _queues = new(StringComparer.Ordinal);
    private long _seq;

    private void Submit(TwinRequest request)
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
        if (!_inFlight.TryGetValue(planned.Seq, out var pending))
        {
            return;
        }

        if (IsStale(planned.Plan))
        {
            Dispatch(pending);
            return;
        }

        Carry(planned.Plan);
        Complete(pending);
    }

    /// <summary>A plan computed from cache entries that changed since (another key touched the same device).</summary>
    private bool IsStale(WorkPlan plan) =>
        plan.Bases.Any(b => !ReferenceEquals(_devices.GetValueOrDefault(b.Key), b.Value));

    private void Carry(WorkPlan plan)
    {
        if (plan.Warning is not null)
        {
            Log.LogWarning("DeviceTwin: {Warning}", plan.Warning);
        }

        if (plan.Writes.Count > 0 || plan.ToCloud.Count > 0)
        {
            if (!TryCommit(plan, out var outbox))
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

            if (outbox.Count > 0)
            {
                _communication.Tell(new OutboxAdded(outbox), Self);
            }
        }

        foreach (var publication in plan.Publications)
        {
            Publish(publication);
        }
    }

    private bool TryCommit(WorkPlan plan, out List<CloudOutboxRow> outbox)
    {
        var saved = new List<CloudOutboxRow>(plan.ToCloud.Count);
        outbox = saved;
        try
        {
            _store.InTransaction(() =>
            {
                foreach (var write in plan.Writes)
                {
                    write.Apply(_store);
                }

                foreach (var envelope in plan.ToCloud)
                {
                    saved.Add(_store.AddOutbox(new CloudOutboxRow(0, envelope.Header.MsgId, Encoding.UTF8.GetString(EnvelopeCodec.Encode(envelope)))));
                }
            });
            return true;
        }
        catch (Exception e) when (e is DeviceStoreException or ArgumentException)
        {
            saved.Clear();
            Log.LogError(e, "DeviceTwin could not store a change; nothing was applied");
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
