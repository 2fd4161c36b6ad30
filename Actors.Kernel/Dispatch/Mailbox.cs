using Actors.Kernel.Actor;

namespace Actors.Kernel.Dispatch;

/// <summary>
/// An actor's mailbox: a lock-free MPSC user queue (Vyukov node queue), a lock-free LIFO of
/// system messages, and one atomic status word (scheduled bit, closed bit, suspend count).
/// It runs itself on the thread pool as an <see cref="IThreadPoolWorkItem"/>; at most one
/// thread runs it at a time (the scheduled bit is set by CAS and cleared only by the runner).
/// The actor's cell derives from it (one object per actor instead of two: spawning and idle
/// actors are cheaper); the mailbox calls back into the cell through the abstract members.
/// </summary>
internal abstract class Mailbox : IThreadPoolWorkItem
{
    private const int ScheduledBit = 1;
    private const int ClosedBit = 2;
    private const int SuspendUnit = 4;

    private readonly int _capacity;
    private readonly int _throughput;
    // Vyukov queue without an initial stub (idle actors that never get a message save the node):
    // _head is the last consumed node (null before the first), _first is the first node ever
    // enqueued (published by the producer that found _tail null).
    private MessageNode? _head;
    private MessageNode? _tail;
    private MessageNode? _first;
    private SystemMessage? _system;
    private Queue<Envelope>? _front;
    private int _status;
    private int _count;

    protected Mailbox(int capacity, int throughput)
    {
        _capacity = capacity;
        _throughput = Math.Max(1, throughput);
    }

    public abstract ActorSystem System { get; }

    public abstract LocalActorRef Self { get; }

    /// <summary>Processes one user message (runner thread).</summary>
    public abstract void Invoke(object message, IActorRef? sender);

    /// <summary>Processes one system message (runner thread).</summary>
    public abstract void SystemInvoke(SystemMessage message);

    public bool IsClosed => (Volatile.Read(ref _status) & ClosedBit) != 0;

    public bool IsSuspended => Volatile.Read(ref _status) >= SuspendUnit;

    /// <summary>True while system messages wait to be taken by the runner.</summary>
    public bool HasSystemMessages => Volatile.Read(ref _system) is not null;

    /// <summary>Number of queued user messages (maintained only for bounded mailboxes).</summary>
    public int BoundedCount => Volatile.Read(ref _count);

    /// <summary>
    /// Queued user messages, counted by walking the queue (at most <paramref name="cap"/>). Read from another thread
    /// while the actor runs it is approximate — a gauge for metrics, never a basis for decisions — and it costs the
    /// hot path nothing.
    /// </summary>
    public int ApproximateCount(int cap = 1_000_000)
    {
        var count = Volatile.Read(ref _front)?.Count ?? 0;
        var head = Volatile.Read(ref _head);
        for (var node = head is null ? Volatile.Read(ref _first) : Volatile.Read(ref head.Next); node is not null && count < cap; node = Volatile.Read(ref node.Next))
        {
            count++;
        }

        return count;
    }

    /// <summary>Enqueues a user message; false when closed or full (the caller dead-letters it).</summary>
    public bool Post(object message, IActorRef? sender)
    {
        if (IsClosed)
        {
            return false;
        }

        if (_capacity > 0 && Interlocked.Increment(ref _count) > _capacity)
        {
            Interlocked.Decrement(ref _count);
            return false;
        }

        var node = new MessageNode { Message = message, Sender = sender };
        var prev = Interlocked.Exchange(ref _tail, node);
        if (prev is null)
        {
            Volatile.Write(ref _first, node);
        }
        else
        {
            Volatile.Write(ref prev.Next, node);
        }

        TrySchedule(false);
        return true;
    }

    /// <summary>Enqueues a system message; when the mailbox is closed it is handed to dead letters.</summary>
    public void PostSystem(SystemMessage message)
    {
        SystemMessage? head;
        do
        {
            head = Volatile.Read(ref _system);
            message.Next = head;
        }
        while (Interlocked.CompareExchange(ref _system, message, head) != head);

        if (IsClosed)
        {
            DrainSystemToDeadLetters();
            return;
        }

        TrySchedule(true);
    }

    /// <summary>Puts messages at the head of the user queue (consumer thread only).</summary>
    public void Prepend(IReadOnlyList<Envelope> envelopes)
    {
        if (envelopes.Count == 0)
        {
            return;
        }

        var q = new Queue<Envelope>(envelopes.Count + (_front?.Count ?? 0));
        foreach (var e in envelopes)
        {
            q.Enqueue(e);
        }

        if (_front is not null)
        {
            while (_front.TryDequeue(out var e))
            {
                q.Enqueue(e);
            }
        }

        _front = q;
    }

    public void Suspend() => Interlocked.Add(ref _status, SuspendUnit);

    public void Resume()
    {
        int s;
        do
        {
            s = Volatile.Read(ref _status);
            if (s < SuspendUnit)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _status, s - SuspendUnit, s) != s);
    }

    /// <summary>Closes the mailbox (consumer thread only) and dead-letters what is left.</summary>
    public void Close()
    {
        Interlocked.Or(ref _status, ClosedBit);
        while (TryDequeue(out var env))
        {
            System.DeadLetters.Tell(new Event.DeadLetter(env.Message, env.Sender ?? System.DeadLetters, Self), env.Sender);
        }

        DrainSystemToDeadLetters();
    }

    /// <summary>Schedules a run if there is work and the mailbox is not already scheduled.</summary>
    public void TrySchedule(bool hasSystem)
    {
        while (true)
        {
            var s = Volatile.Read(ref _status);
            if ((s & (ScheduledBit | ClosedBit)) != 0)
            {
                return;
            }

            if (!hasSystem && s >= SuspendUnit)
            {
                return;
            }

            if (Interlocked.CompareExchange(ref _status, s | ScheduledBit, s) == s)
            {
                ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: true);
                return;
            }
        }
    }

    public void Execute()
    {
        var previous = ActorCell.Current;
        ActorCell.Current = (ActorCell)this;
        try
        {
            if (!IsClosed)
            {
                ProcessSystem();
                ProcessUser();
            }
        }
        finally
        {
            ActorCell.Current = previous;
            Interlocked.And(ref _status, ~ScheduledBit);
        }

        var hasSystem = Volatile.Read(ref _system) is not null;
        if (hasSystem || HasUserMessages())
        {
            TrySchedule(hasSystem);
        }
    }

    private void ProcessUser()
    {
        var left = _throughput;
        while (left-- > 0 && Volatile.Read(ref _status) < SuspendUnit && TryDequeue(out var env))
        {
            Invoke(env.Message, env.Sender);
            if (Volatile.Read(ref _system) is not null)
            {
                ProcessSystem();
            }
        }
    }

    private void ProcessSystem()
    {
        while (!IsClosed)
        {
            var list = Interlocked.Exchange(ref _system, null);
            if (list is null)
            {
                return;
            }

            // The stack is LIFO: reverse to restore enqueue order.
            SystemMessage? ordered = null;
            while (list is not null)
            {
                var next = list.Next;
                list.Next = ordered;
                ordered = list;
                list = next;
            }

            while (ordered is not null)
            {
                var msg = ordered;
                ordered = ordered.Next;
                msg.Next = null;
                if (IsClosed)
                {
                    ActorSystem.DeadLetterSystemMessage(Self, msg);
                    continue;
                }

                SystemInvoke(msg);
            }
        }
    }

    private bool HasUserMessages() =>
        _front is { Count: > 0 } || Volatile.Read(ref _tail) != _head;

    private bool TryDequeue(out Envelope envelope)
    {
        if (_front is { Count: > 0 })
        {
            envelope = _front.Dequeue();
            return true;
        }

        var head = _head;
        var next = head is null ? Volatile.Read(ref _first) : Volatile.Read(ref head.Next);
        if (next is null)
        {
            envelope = default;
            return false;
        }

        if (head is null)
        {
            _first = null;
        }

        _head = next;
        envelope = new Envelope(next.Message!, next.Sender);
        next.Message = null;
        next.Sender = null;
        if (_capacity > 0)
        {
            Interlocked.Decrement(ref _count);
        }

        return true;
    }

    private void DrainSystemToDeadLetters()
    {
        var list = Interlocked.Exchange(ref _system, null);
        while (list is not null)
        {
            var next = list.Next;
            list.Next = null;
            ActorSystem.DeadLetterSystemMessage(Self, list);
            list = next;
        }
    }
}
