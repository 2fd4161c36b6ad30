using Actors.Kernel.Actor;

namespace Actors.Kernel.Pattern;

/// <summary>The backoff supervisor's protocol (nested as in Akka.NET: <c>BackoffSupervisor.GetCurrentChild</c> ...).</summary>
public sealed partial class BackoffSupervisor
{
    /// <summary>Ask the backoff supervisor for its current child; replies <see cref="CurrentChild"/>.</summary>
    public sealed record GetCurrentChild
    {
        public static GetCurrentChild Instance { get; } = new();
    }

    /// <summary>The current child, or null while it is down.</summary>
    public sealed record CurrentChild(IActorRef? Ref);

    /// <summary>Resets the restart count (for manual reset).</summary>
    public sealed record Reset
    {
        public static Reset Instance { get; } = new();
    }

    /// <summary>Ask for the restart count; replies <see cref="RestartCount"/>.</summary>
    public sealed record GetRestartCount
    {
        public static GetRestartCount Instance { get; } = new();
    }

    public sealed record RestartCount(int Count);

    internal sealed record StartChild;

    internal sealed record ResetRestartCount(int Current);
}
