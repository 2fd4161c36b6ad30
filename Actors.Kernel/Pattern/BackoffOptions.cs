using Actors.Kernel.Actor;

namespace Actors.Kernel.Pattern;

/// <summary>
/// Options of a <see cref="BackoffSupervisor"/>: delay for restart n is
/// <c>min(maxBackoff, minBackoff·2ⁿ)·(1 + U[0,1)·randomFactor)</c>; the count resets after the child
/// ran for <see cref="ResetBackoff"/> (default: minBackoff) unless manual reset was chosen.
/// </summary>
public sealed record BackoffOptions
{
    internal BackoffOptions(BackoffMode mode, Props childProps, string childName, TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor, int maxNrOfRetries)
    {
        if (minBackoff <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(minBackoff), "minBackoff must be > 0");
        }

        if (maxBackoff < minBackoff)
        {
            throw new ArgumentOutOfRangeException(nameof(maxBackoff), "maxBackoff must be >= minBackoff");
        }

        if (randomFactor is < 0.0 or > 1.0)
        {
            throw new ArgumentOutOfRangeException(nameof(randomFactor), "randomFactor must be between 0.0 and 1.0");
        }

        Mode = mode;
        ChildProps = childProps;
        ChildName = childName;
        MinBackoff = minBackoff;
        MaxBackoff = maxBackoff;
        RandomFactor = randomFactor;
        MaxNrOfRetries = maxNrOfRetries;
        ResetBackoff = minBackoff;
    }

    public BackoffMode Mode { get; init; }

    public Props ChildProps { get; init; }

    public string ChildName { get; init; }

    public TimeSpan MinBackoff { get; init; }

    public TimeSpan MaxBackoff { get; init; }

    public double RandomFactor { get; init; }

    /// <summary>Restarts allowed before the supervisor stops itself; -1 = unlimited.</summary>
    public int MaxNrOfRetries { get; init; }

    /// <summary>Stable running time after which the restart count resets; null = manual reset only.</summary>
    public TimeSpan? ResetBackoff { get; init; }

    /// <summary>Decides what a child failure means (OnFailure: Restart ⇒ delayed restart).</summary>
    public IDecider Decider { get; init; } = SupervisorStrategy.DefaultDecider;

    /// <summary>Reply sent to senders while the child is down (null: messages go to dead letters).</summary>
    public object? ReplyWhileStopped { get; init; }

    public BackoffOptions WithAutoReset(TimeSpan resetBackoff) => this with { ResetBackoff = resetBackoff };

    public BackoffOptions WithManualReset() => this with { ResetBackoff = null };

    public BackoffOptions WithSupervisorStrategy(OneForOneStrategy strategy) =>
        this with { Decider = strategy.Decider, MaxNrOfRetries = strategy.MaxNumberOfRetries };

    public BackoffOptions WithDefaultStoppingStrategy() => this with { Decider = SupervisorStrategy.StoppingStrategy.Decider };

    public BackoffOptions WithReplyWhileStopped(object reply) => this with { ReplyWhileStopped = reply };

    public BackoffOptions WithMaxNrOfRetries(int maxNrOfRetries) => this with { MaxNrOfRetries = maxNrOfRetries };

    /// <summary>The supervisor's Props.</summary>
    public Props Props => BackoffSupervisor.Props(this);

    /// <summary>The delay before restart number <paramref name="restartCount"/> (0-based).</summary>
    public static TimeSpan CalculateDelay(int restartCount, TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor, double random01)
    {
        var rnd = 1.0 + (random01 * randomFactor);
        var scaled = restartCount >= 30 ? double.PositiveInfinity : minBackoff.Ticks * Math.Pow(2, restartCount);
        var capped = double.IsInfinity(scaled) || scaled > maxBackoff.Ticks ? maxBackoff.Ticks : scaled;
        var ticks = capped * rnd;
        return ticks >= TimeSpan.MaxValue.Ticks ? maxBackoff : TimeSpan.FromTicks((long)ticks);
    }
}
