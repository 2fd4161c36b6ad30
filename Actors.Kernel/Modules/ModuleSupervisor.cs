using Actors.Kernel.Actor;
using Actors.Kernel.Event;
using Actors.Kernel.Pattern;
using Microsoft.Extensions.Logging;

namespace Actors.Kernel.Modules;

/// <summary>
/// Runs one incarnation of a module at a time and re-creates it after a failure with the backoff of its
/// <see cref="ModuleRestartPolicy"/> (same delays and reset as <see cref="BackoffSupervisor"/> in OnFailure mode).
/// Unlike the generic supervisor, messages that arrive while the module is down (from its failure until the next
/// incarnation has started, i.e. its constructor ran and it answered <see cref="Identify"/>) are kept in a bounded
/// buffer, like beehive's module channel, and handed to it in arrival order with their original senders before any
/// later message. Messages already handed to an incarnation that then fails are not retried. When the buffer is full the
/// newest message is refused (dead letter, warning, <see cref="ModuleDeliveryFailed"/>). When the module is given
/// up (MaxRestarts) or this supervisor stops, the buffered messages go to dead letters with a warning.
/// Answers <see cref="BackoffSupervisor.GetRestartCount"/> and <see cref="BackoffSupervisor.GetCurrentChild"/>.
/// </summary>
internal sealed class ModuleSupervisor : ActorBase, IWithTimers
{
    private readonly string _name;
    private readonly Props _childProps;
    private readonly ModuleRestartPolicy _policy;
    private readonly int _bufferCapacity;
    private readonly ModuleCorrelation _correlation;
    private readonly Random _random = new();
    private readonly Queue<(object Message, IActorRef Sender)> _buffer = new();
    private IActorRef? _child;
    private int _restartCount;
    private bool _restartPending;
    private bool _started;
    private int _incarnation;
    private ModuleVitals? _vitals;
    private bool _givenUp;

    public ModuleSupervisor(string name, Props childProps, ModuleRestartPolicy policy, int bufferCapacity, ModuleCorrelation correlation)
    {
        _name = name;
        _childProps = childProps;
        _policy = policy;
        _bufferCapacity = bufferCapacity;
        _correlation = correlation;
    }

    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>True from the incarnation's failure until the next one has started: messages are buffered.</summary>
    private bool Down => _child is null || _restartPending || !_started;

    protected override void PreStart()
    {
        _vitals = new ModuleVitals(Context.System, _name);
        StartChild();
    }

    protected override void PostStop()
    {
        DropBuffered("the module supervisor stopped");
        if (!_givenUp)
        {
            _vitals?.Stopped();
        }
    }

    // Every failure, constructor failures included, stops the incarnation; a new one follows after the delay.
    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(_ =>
    {
        _restartPending = true;
        return Directive.Stop;
    });

    protected override bool Receive(object message)
    {
        switch (message)
        {
            case Terminated t when t.ActorRef.Equals(_child):
                OnChildTerminated();
                return true;
            case Terminated:
                return true;
            case StartIncarnation:
                StartChild();
                return true;
            case ActorIdentity id when id.MessageId is int n && n == _incarnation && id.Subject is not null && id.Subject.Equals(_child):
                OnChildStarted();
                return true;
            case GetBufferedCount:
                Sender.Tell(new BufferedCount(_buffer.Count), Self);
                return true;
            case ResetCount r:
                if (r.Current == _restartCount)
                {
                    _restartCount = 0;
                }

                return true;
            case BackoffSupervisor.GetRestartCount:
                Sender.Tell(new BackoffSupervisor.RestartCount(_restartCount), Self);
                return true;
            case BackoffSupervisor.GetCurrentChild:
                Sender.Tell(new BackoffSupervisor.CurrentChild(Down ? null : _child), Self);
                return true;
            default:
                Deliver(message);
                return true;
        }
    }

    private void OnChildTerminated()
    {
        _child = null;
        _started = false;
        var wanted = _restartPending;
        _restartPending = false;
        if (!wanted)
        {
            // The module stopped itself: nothing was buffered (buffering starts only at a failure).
            Context.Stop(Self);
            return;
        }

        if (_policy.MaxRestarts >= 0 && _restartCount >= _policy.MaxRestarts)
        {
            DropBuffered("the module was given up after " + _restartCount + " restarts");
            _givenUp = true;
            _vitals?.GivenUp(_restartCount);
            Context.Stop(Self);
            return;
        }

        var delay = BackoffOptions.CalculateDelay(_restartCount, _policy.MinBackoff, _policy.MaxBackoff, _policy.RandomFactor, _random.NextDouble());
        _restartCount++;
        _vitals?.Restarting(_restartCount);
        Context.GetLogger().LogDebug("Module {Module} terminated; restart {Count} in {Delay}", _name, _restartCount, delay);
        Timers.StartSingleTimer("start-child", new StartIncarnation(), delay);
    }

    private void StartChild()
    {
        if (_child is not null)
        {
            return;
        }

        _child = Context.Watch(Context.ActorOf(_childProps, _name));
        if (_restartCount > 0)
        {
            Timers.StartSingleTimer("reset", new ResetCount(_restartCount), _policy.ResetAfter);
        }

        // An incarnation answers Identify only once its constructor has run: then it gets the buffered messages.
        _child.Tell(new Identify(++_incarnation), Self);
    }

    private void OnChildStarted()
    {
        if (_restartPending)
        {
            return;
        }

        _started = true;
        _vitals?.Started(_child!);
        if (_buffer.Count > 0)
        {
            Context.GetLogger().LogInformation("Module {Module} started; delivering {Count} buffered messages", _name, _buffer.Count);
        }

        // Flushed before this actor handles anything else, so later messages cannot overtake buffered ones.
        while (_buffer.TryDequeue(out var item))
        {
            _child!.Tell(item.Message, item.Sender);
        }
    }

    private void Deliver(object message)
    {
        _vitals?.Delivered();
        if (!Down)
        {
            _child!.Tell(message, Sender);
            return;
        }

        if (_buffer.Count < _bufferCapacity)
        {
            _buffer.Enqueue((message, Sender));
            _vitals?.Buffered(_buffer.Count);
            return;
        }

        var id = _correlation.IdOf(message);
        const string reason = "restart buffer full";
        Context.GetLogger().LogWarning(
            "Module {Module} is down and its restart buffer is full ({Capacity}); message {MsgId} ({MessageType}) goes to dead letters",
            _name,
            _bufferCapacity,
            id,
            message.GetType().Name);
        Context.System.EventStream.Publish(new ModuleDeliveryFailed(_name, id, reason, message));
        Context.System.DeadLetters.Tell(new DeadLetter(message, Sender, Self), Sender);
    }

    private void DropBuffered(string why)
    {
        if (_buffer.Count == 0)
        {
            return;
        }

        Context.GetLogger().LogWarning("Module {Module}: {Count} buffered messages go to dead letters ({Reason})", _name, _buffer.Count, why);
        while (_buffer.TryDequeue(out var item))
        {
            Context.System.DeadLetters.Tell(new DeadLetter(item.Message, item.Sender, Self), item.Sender);
        }
    }

    private sealed record StartIncarnation;

    private sealed record ResetCount(int Current);
}
