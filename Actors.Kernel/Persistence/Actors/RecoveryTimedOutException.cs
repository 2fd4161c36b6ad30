namespace Actors.Kernel.Persistence.Actors;

/// <summary>Recovery received no snapshot or replayed event within <c>recovery-event-timeout</c>.</summary>
public sealed class RecoveryTimedOutException : Exception
{
    public RecoveryTimedOutException()
    {
    }

    public RecoveryTimedOutException(string message)
        : base(message)
    {
    }

    public RecoveryTimedOutException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
