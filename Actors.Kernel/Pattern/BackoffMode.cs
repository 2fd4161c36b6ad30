namespace Actors.Kernel.Pattern;

/// <summary>When the backoff supervisor restarts its child.</summary>
public enum BackoffMode
{
    /// <summary>Re-create the child after a delay when it stops (Akka's <c>Backoff.OnStop</c>).</summary>
    OnStop,

    /// <summary>Restart the child after a delay when it fails with a Restart decision (<c>Backoff.OnFailure</c>).</summary>
    OnFailure,
}
