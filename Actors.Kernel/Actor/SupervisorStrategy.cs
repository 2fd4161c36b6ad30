using Microsoft.Extensions.Logging;

namespace Actors.Kernel.Actor;

/// <summary>
/// How a parent handles its children's failures. Override <c>SupervisorStrategy()</c> in the
/// parent or use <see cref="Props.WithSupervisorStrategy"/>.
/// </summary>
public abstract class SupervisorStrategy
{
    /// <summary>Akka's default: ActorInitialization/ActorKilled/DeathPact → Stop, anything else → Restart.</summary>
    public static readonly IDecider DefaultDecider = new LocalOnlyDecider(static ex => ex switch
    {
        ActorInitializationException => Directive.Stop,
        ActorKilledException => Directive.Stop,
        DeathPactException => Directive.Stop,
        _ => Directive.Restart,
    });

    /// <summary>OneForOne with <see cref="DefaultDecider"/>, unlimited restarts.</summary>
    public static readonly SupervisorStrategy DefaultStrategy = new OneForOneStrategy(DefaultDecider);

    /// <summary>OneForOne that stops the failing child.</summary>
    public static readonly SupervisorStrategy StoppingStrategy = new OneForOneStrategy(static _ => Directive.Stop);

    protected SupervisorStrategy(IDecider decider, int maxNrOfRetries, int withinTimeRangeMilliseconds, bool loggingEnabled)
    {
        Decider = decider;
        MaxNumberOfRetries = maxNrOfRetries;
        WithinTimeRangeMilliseconds = withinTimeRangeMilliseconds;
        LoggingEnabled = loggingEnabled;
    }

    public IDecider Decider { get; }

    /// <summary>-1 means unlimited.</summary>
    public int MaxNumberOfRetries { get; }

    /// <summary>-1 means no window.</summary>
    public int WithinTimeRangeMilliseconds { get; }

    public bool LoggingEnabled { get; }

    internal static int ToRetries(int? maxNrOfRetries) => maxNrOfRetries ?? -1;

    internal static int ToWindow(TimeSpan? within) =>
        within is { } w && w > TimeSpan.Zero && w != Timeout.InfiniteTimeSpan ? (int)Math.Min(int.MaxValue, w.TotalMilliseconds) : -1;

    /// <summary>Decides and applies; false means Escalate (the parent then fails itself).</summary>
    internal bool HandleFailure(ActorCell parent, ActorCell child, Exception cause)
    {
        var directive = Decider.Decide(cause);
        switch (directive)
        {
            case Directive.Resume:
                Log(child, cause, LogLevel.Warning);
                child.Self.SendSystemMessage(new Dispatch.Resume(cause));
                return true;
            case Directive.Restart:
                Log(child, cause, LogLevel.Error);
                ProcessFailure(parent, true, child, cause);
                return true;
            case Directive.Stop:
                Log(child, cause, LogLevel.Error);
                ProcessFailure(parent, false, child, cause);
                return true;
            default:
                return false;
        }
    }

    /// <summary>Applies Restart (when <paramref name="restart"/>) or Stop to the child(ren).</summary>
    internal abstract void ProcessFailure(ActorCell parent, bool restart, ActorCell child, Exception cause);

    internal bool RequestPermission(ActorCell parent, ActorCell child) =>
        child.RestartStats.RequestRestartPermission(MaxNumberOfRetries, WithinTimeRangeMilliseconds, parent.System.TimeProvider);

    private void Log(ActorCell child, Exception cause, LogLevel level)
    {
        if (LoggingEnabled)
        {
            child.Log.Log(level, cause, "{ExceptionType}: {Reason}", cause.GetType().Name, cause.Message);
        }
    }
}
