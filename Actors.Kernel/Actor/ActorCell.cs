using Actors.Kernel.Dispatch;
using Actors.Kernel.Event;
using Microsoft.Extensions.Logging;

namespace Actors.Kernel.Actor;

/// <summary>
/// The kernel's per-actor state machine. Everything except the children map (locked) and the
/// mailbox (lock-free) is touched only by the thread currently running the mailbox.
/// Split into partial files by concern.
/// </summary>
internal sealed partial class ActorCell : Mailbox, IActorContext
{
    private const int FailedFlag = 1;
    private const int TerminatingFlag = 2;
    private const int TerminatedFlag = 4;
    private const int WaitingToRecreateFlag = 8;
    private const int AwaitingTaskFlag = 16;

    // Ambient "current actor" like Akka.NET's, used for implicit senders and for ActorBase's
    // constructor check. Thread-static per design: the mailbox sets it around each run.
    [ThreadStatic]
    private static ActorCell? _current;

    [ThreadStatic]
    private static ActorCell? _constructing;

    private readonly InternalActorRef _parent;
    private ActorBase? _actor;
    private object? _currentMessage;
    private IActorRef? _currentSender;
    private CellExtras? _extras;
    private volatile int _state;

    public ActorCell(ActorSystem system, Props props, ActorPath path, InternalActorRef parent)
        : base(props.MailboxCapacity ?? system.Settings.DefaultMailboxCapacity, props.Throughput ?? system.Settings.DispatcherThroughput)
    {
        System = system;
        Props = props;
        Path = path;
        _parent = parent;
        Self = new LocalActorRef(this);
    }

    internal static ActorCell? Current
    {
        get => _current;
        set => _current = value;
    }

    internal static ActorCell? Constructing => _constructing;

    public override ActorSystem System { get; }

    public Props Props { get; }

    public ActorPath Path { get; }

    public override LocalActorRef Self { get; }

    IActorRef IActorContext.Self => Self;

    public IActorRef Parent => _parent;

    internal InternalActorRef InternalParent => _parent;

    /// <summary>The cell is its own mailbox (see <see cref="Dispatch.Mailbox"/>).</summary>
    public Mailbox Mailbox => this;

    public IActorRef Sender => _currentSender ?? System.DeadLetters;

    internal ActorBase? Actor => _actor;

    internal bool IsTerminated => (_state & TerminatedFlag) != 0;

    internal bool IsTerminating => (_state & (TerminatingFlag | TerminatedFlag)) != 0;

    private bool IsFailed => (_state & FailedFlag) != 0;

    // Usually touched on the actor's thread only, but the parent reads Log while supervising,
    // so creation is made race-free.
    internal CellExtras Extras => _extras ?? Interlocked.CompareExchange(ref _extras, new CellExtras(), null) ?? _extras;

    internal ILogger Log => Extras.Logger ??= System.CreateActorLogger(this);

    /// <summary>Set by the parent; only the parent reads or writes it.</summary>
    internal bool StopRequestedByParent { get; set; }

    /// <summary>Restart counting, used by the parent only; allocated on the first restart request.</summary>
    internal ChildRestartStats RestartStats => Extras.RestartStats ??= new ChildRestartStats();

    internal Envelope CurrentEnvelope => new(_currentMessage!, _currentSender);

    public void Start() => Mailbox.PostSystem(new Create());

    /// <summary>Processes one user message (mailbox thread).</summary>
    public override void Invoke(object message, IActorRef? sender)
    {
        _currentMessage = message;
        _currentSender = sender;
        try
        {
            if (message is IAutoReceivedMessage)
            {
                AutoReceive(message);
            }
            else if (message is TimerMessage tm)
            {
                if (TimerScheduler.Intercept(_actor, tm) is { } inner)
                {
                    _currentMessage = inner;
                    ReceiveMessage(inner);
                }
            }
            else
            {
                ReceiveMessage(message);
            }

            if (_extras?.ReceiveTimeout is not null && _currentMessage is not INotInfluenceReceiveTimeout)
            {
                RearmReceiveTimeout();
            }
        }
        catch (Exception ex)
        {
            HandleInvokeFailure(ex);
        }
    }

    internal void ReceiveMessage(object message)
    {
        var actor = _actor;
        if (actor is null)
        {
            return;
        }

        var behaviors = _extras?.Behaviors;
        var receive = behaviors is { Count: > 0 } ? behaviors[^1] : actor.DefaultReceive;
        if (!actor.AroundReceive(receive, message))
        {
            actor.InvokeUnhandled(message);
        }
    }

    private void AutoReceive(object message)
    {
        switch (message)
        {
            case Terminated t:
                ReceivedTerminated(t);
                break;
            case PoisonPill:
                Stop(Self);
                break;
            case Kill:
                throw new ActorKilledException("Kill");
            case Identify id:
                Sender.Tell(new ActorIdentity(id.MessageId, Self), Self);
                break;
            default:
                ReceiveMessage(message);
                break;
        }
    }

    internal void PublishUnhandled(object message) =>
        System.EventStream.Publish(new UnhandledMessage(message, Sender, Self));

    public void Become(Receive receive)
    {
        var list = Extras.Behaviors ??= [];
        if (list.Count > 0)
        {
            list.RemoveAt(list.Count - 1);
        }

        list.Add(receive);
    }

    public void BecomeStacked(Receive receive) => (Extras.Behaviors ??= []).Add(receive);

    public void UnbecomeStacked()
    {
        if (_extras?.Behaviors is { Count: > 0 } list)
        {
            list.RemoveAt(list.Count - 1);
        }
    }

    public ActorSelection ActorSelection(string actorPath) => new(Self, actorPath);

    public ActorSelection ActorSelection(ActorPath actorPath) => System.ActorSelection(actorPath.ToString());

    public override string ToString() => "ActorCell " + Path;
}
