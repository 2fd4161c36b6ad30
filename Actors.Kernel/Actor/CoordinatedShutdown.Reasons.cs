namespace Actors.Kernel.Actor;

/// <summary>Shutdown reasons (Akka.NET's names).</summary>
public sealed partial class CoordinatedShutdown
{
    /// <summary>Base of shutdown reasons.</summary>
    public abstract class Reason;

    public sealed class UnknownReason : Reason
    {
        public static UnknownReason Instance { get; } = new();
    }

    public sealed class ActorSystemTerminateReason : Reason
    {
        public static ActorSystemTerminateReason Instance { get; } = new();
    }

    /// <summary>The process is exiting (SIGTERM/SIGINT).</summary>
    public sealed class ClrExitReason : Reason
    {
        public static ClrExitReason Instance { get; } = new();
    }
}
