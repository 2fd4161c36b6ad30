namespace Actors.Kernel.Actor;

/// <summary>Status replies (<see cref="Success"/>, <see cref="Failure"/>), e.g. produced by PipeTo; Ask faults on a Failure.</summary>
public abstract class Status
{
    private Status()
    {
    }

    /// <summary>A successful completion carrying an optional value.</summary>
    public sealed class Success(object? status) : Status
    {
        public object? Status { get; } = status;

        public override string ToString() => "Success: " + Status;
    }

    /// <summary>A failure carrying its cause (and optional state).</summary>
    public sealed class Failure(Exception cause, object? state = null) : Status
    {
        public Exception Cause { get; } = cause;

        public object? State { get; } = state;

        public override string ToString() => "Failure: " + Cause;
    }
}
