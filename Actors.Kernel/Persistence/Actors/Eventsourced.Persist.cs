using System.Collections.Immutable;
using Actors.Kernel.Actor;
using Actors.Kernel.Persistence.Journal;

namespace Actors.Kernel.Persistence.Actors;

/// <summary>Persist, PersistAll, PersistAsync, PersistAllAsync, DeferAsync.</summary>
public abstract partial class Eventsourced
{
    private readonly List<BatchItem> _batch = [];
    private readonly Queue<PendingInvocation> _pendingInvocations = new();
    private readonly string _writerGuid = Guid.NewGuid().ToString("N");
    private Task _responsesSent = Task.CompletedTask;
    private int _pendingStashingInvocations;
    private long _sequenceNr;

    /// <summary>
    /// Writes <paramref name="event"/>; after it is stored, <paramref name="handler"/> runs with
    /// <c>Sender</c> = the sender of the current command. New commands are stashed until then.
    /// </summary>
    public void Persist<TEvent>(TEvent @event, Action<TEvent> handler) => AddWrite([@event], handler, stashing: true);

    /// <summary>Writes <paramref name="events"/> atomically; the handler runs once per event, in order.</summary>
    public void PersistAll<TEvent>(IEnumerable<TEvent> events, Action<TEvent> handler) => AddWrite(events, handler, stashing: true);

    /// <summary>Like <see cref="Persist{TEvent}"/> but commands are not stashed meanwhile; handlers still run in order.</summary>
    public void PersistAsync<TEvent>(TEvent @event, Action<TEvent> handler) => AddWrite([@event], handler, stashing: false);

    /// <summary>Like <see cref="PersistAll{TEvent}"/> without stashing commands.</summary>
    public void PersistAllAsync<TEvent>(IEnumerable<TEvent> events, Action<TEvent> handler) => AddWrite(events, handler, stashing: false);

    /// <summary>
    /// Runs <paramref name="handler"/> after the handlers of every persist called before it,
    /// without writing anything (at once when nothing is pending).
    /// </summary>
    public void DeferAsync<TEvent>(TEvent evt, Action<TEvent> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ThrowIfRecovering();
        if (_pendingInvocations.Count == 0)
        {
            handler(evt);
            return;
        }

        _pendingInvocations.Enqueue(new PendingInvocation(evt!, o => handler((TEvent)o), Stashing: false));
        _batch.Add(new BatchItem(null, Sender));
        FlushIfOutsideReceive();
    }

    private void AddWrite<TEvent>(IEnumerable<TEvent> events, Action<TEvent> handler, bool stashing)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(handler);
        ThrowIfRecovering();
        var list = events.ToList();
        if (list.Count == 0)
        {
            return;
        }

        var reprs = ImmutableArray.CreateBuilder<IPersistentRepresentation>(list.Count);
        foreach (var e in list)
        {
            if (e is null)
            {
                throw new ArgumentNullException(nameof(events), "Events to persist must not be null.");
            }

            reprs.Add(new Persistent(e, ++_sequenceNr, PersistenceId, WriterGuid: _writerGuid));
            _pendingInvocations.Enqueue(new PendingInvocation(e, o => handler((TEvent)o), stashing));
            if (stashing)
            {
                _pendingStashingInvocations++;
            }
        }

        _batch.Add(new BatchItem(new AtomicWrite(reprs.MoveToImmutable()), Sender));
        FlushIfOutsideReceive();
    }

    private void ThrowIfRecovering()
    {
        if (IsRecovering)
        {
            throw new InvalidOperationException(
                "Cannot persist during replay. Events can be persisted when receiving RecoveryCompleted or later.");
        }
    }

    private void FlushIfOutsideReceive()
    {
        // Called from a CommandAsync continuation: nothing will flush at the end of a receive.
        if (!_inReceive)
        {
            FlushBatch();
        }
    }

    private void FlushBatch()
    {
        if (_batch.Count == 0)
        {
            return;
        }

        var items = _batch.ToArray();
        _batch.Clear();
        var writes = items.Where(i => i.Write is not null).Select(i => i.Write!).ToList();
        Task<IReadOnlyList<Exception?>> task;
        try
        {
            task = writes.Count == 0
                ? Task.FromResult<IReadOnlyList<Exception?>>([])
                : Journal.WriteMessagesAsync(writes);
        }
        catch (Exception ex)
        {
            task = Task.FromException<IReadOnlyList<Exception?>>(ex);
        }

        _responsesSent = RespondAsync(_responsesSent, task, items, Self, _incarnation);
    }

    /// <summary>
    /// Tells self one reply per event, with the original sender, strictly after the replies of
    /// the previous batch (so handlers run in persist order even if the journal completes out of order).
    /// </summary>
    private static async Task RespondAsync(Task previous, Task<IReadOnlyList<Exception?>> write, BatchItem[] items, IActorRef self, object incarnation)
    {
        await previous.ConfigureAwait(false);
        IReadOnlyList<Exception?>? results = null;
        Exception? failure = null;
        try
        {
            results = await write.ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            failure = ex;
        }

        var writeIndex = 0;
        foreach (var item in items)
        {
            if (item.Write is null)
            {
                self.Tell(new DeferredReady(incarnation), item.Sender);
                continue;
            }

            var rejection = failure is null && results is not null && writeIndex < results.Count ? results[writeIndex] : null;
            if (failure is null && (results is null || writeIndex >= results.Count))
            {
                failure = new InvalidOperationException("The journal returned fewer results than writes.");
            }

            writeIndex++;
            foreach (var e in item.Write.Payload)
            {
                object reply = failure is not null ? new WriteFailed(incarnation, e.Payload, e.SequenceNr, failure)
                    : rejection is not null ? new WriteRejected(incarnation, e.Payload, e.SequenceNr, rejection)
                    : new WriteSucceeded(incarnation, e.Payload, e.SequenceNr);
                self.Tell(reply, item.Sender);
            }
        }
    }

    private bool HandleWriteResponse(IPersistenceProtocol message)
    {
        if (!_pendingInvocations.TryDequeue(out var invocation))
        {
            return true;
        }

        switch (message)
        {
            case WriteSucceeded s:
                LastSequenceNr = s.SequenceNr;
                invocation.Handler(s.Payload);
                break;
            case WriteRejected r:
                LastSequenceNr = r.SequenceNr;
                OnPersistRejected(r.Cause, r.Payload, r.SequenceNr);
                break;
            case WriteFailed f:
                try
                {
                    OnPersistFailure(f.Cause, f.Payload, f.SequenceNr);
                }
                finally
                {
                    StopSelf();
                }

                return true;
            case DeferredReady:
                invocation.Handler(invocation.Event);
                break;
        }

        if (invocation.Stashing && --_pendingStashingInvocations == 0)
        {
            InternalStash.UnstashAll();
        }

        return true;
    }

    private sealed record BatchItem(AtomicWrite? Write, IActorRef Sender);
}
