using Actors.Kernel.Actor;
using Actors.Kernel.Event;
using Microsoft.Extensions.Logging;

namespace Actors.Kernel.Pattern;

/// <summary>
/// Supervises one child and re-creates it with exponential backoff (see <see cref="BackoffOptions"/>).
/// Other messages are forwarded to the child, or while it is down answered with
/// <see cref="BackoffOptions.ReplyWhileStopped"/> (else dead letters). Delays use the system's TimeProvider.
/// </summary>
public sealed partial class BackoffSupervisor : ActorBase, IWithTimers
{
    private readonly BackoffOptions _options;
    private readonly Random _random;
    private IActorRef? _child;
    private int _restartCount;
    private bool _restartPending;

    public BackoffSupervisor(BackoffOptions options, Random? random = null)
    {
        _options = options;
        _random = random ?? new Random();
    }

    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>Props of a supervisor that re-creates the child after it stopped (OnStop).</summary>
    public static Props Props(Props childProps, string childName, TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor, int maxNrOfRetries = -1) =>
        Props(Backoff.OnStop(childProps, childName, minBackoff, maxBackoff, randomFactor, maxNrOfRetries));

    public static Props Props(BackoffOptions options) => Actor.Props.Create(() => new BackoffSupervisor(options));

    protected override void PreStart() => StartChildNow();

    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(Decide);

    protected override bool Receive(object message)
    {
        switch (message)
        {
            case Terminated t when t.ActorRef.Equals(_child):
                OnChildTerminated();
                return true;
            case StartChild:
                StartChildNow();
                return true;
            case ResetRestartCount r:
                if (r.Current == _restartCount)
                {
                    _restartCount = 0;
                }

                return true;
            case Reset:
                _restartCount = 0;
                return true;
            case GetRestartCount:
                Sender.Tell(new RestartCount(_restartCount), Self);
                return true;
            case GetCurrentChild:
                Sender.Tell(new CurrentChild(_child), Self);
                return true;
            case Terminated:
                return true;
            default:
                Forward(message);
                return true;
        }
    }

    private Directive Decide(Exception cause)
    {
        var directive = _options.Decider.Decide(cause);
        if (_options.Mode == BackoffMode.OnFailure && directive == Directive.Restart)
        {
            // Instead of restarting at once: stop the child and re-create it after the delay.
            _restartPending = true;
            return Directive.Stop;
        }

        return directive;
    }

    private void OnChildTerminated()
    {
        _child = null;
        var wanted = _options.Mode == BackoffMode.OnStop || _restartPending;
        _restartPending = false;
        if (!wanted || (_options.MaxNrOfRetries >= 0 && _restartCount >= _options.MaxNrOfRetries))
        {
            Context.Stop(Self);
            return;
        }

        var delay = BackoffOptions.CalculateDelay(_restartCount, _options.MinBackoff, _options.MaxBackoff, _options.RandomFactor, _random.NextDouble());
        _restartCount++;
        Context.GetLogger().LogDebug("Child {Child} terminated; restart {Count} in {Delay}", _options.ChildName, _restartCount, delay);
        Timers.StartSingleTimer("start-child", new StartChild(), delay);
    }

    private void StartChildNow()
    {
        if (_child is not null)
        {
            return;
        }

        _child = Context.Watch(Context.ActorOf(_options.ChildProps, _options.ChildName));
        if (_options.ResetBackoff is { } reset && _restartCount > 0)
        {
            Timers.StartSingleTimer("reset", new ResetRestartCount(_restartCount), reset);
        }
    }

    private void Forward(object message)
    {
        if (_child is not null)
        {
            _child.Tell(message, Sender);
        }
        else if (_options.ReplyWhileStopped is { } reply)
        {
            Sender.Tell(reply, Self);
        }
        else
        {
            Context.System.DeadLetters.Tell(new DeadLetter(message, Sender, Self), Sender);
        }
    }
}
