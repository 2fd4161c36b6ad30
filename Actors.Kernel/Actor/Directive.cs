namespace Actors.Kernel.Actor;

/// <summary>What a supervisor does with a failed child (declaration order as in Akka.NET).</summary>
public enum Directive
{
    /// <summary>Keep the instance and its state; the failing message is dropped.</summary>
    Resume,

    /// <summary>Replace the instance with a fresh one; the failing message is not redelivered.</summary>
    Restart,

    /// <summary>Fail the supervisor itself with the same exception.</summary>
    Escalate,

    /// <summary>Stop the child.</summary>
    Stop,
}
