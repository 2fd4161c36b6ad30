using Actors.Kernel.Actor;

namespace Actors.Kernel.Pattern;

/// <summary>Builders of <see cref="BackoffOptions"/> (Akka.NET's <c>Backoff.OnStop/OnFailure</c>).</summary>
public static class Backoff
{
    public static BackoffOptions OnStop(Props childProps, string childName, TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor, int maxNrOfRetries = -1) =>
        new(BackoffMode.OnStop, childProps, childName, minBackoff, maxBackoff, randomFactor, maxNrOfRetries);

    public static BackoffOptions OnFailure(Props childProps, string childName, TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor, int maxNrOfRetries = -1) =>
        new(BackoffMode.OnFailure, childProps, childName, minBackoff, maxBackoff, randomFactor, maxNrOfRetries);
}
