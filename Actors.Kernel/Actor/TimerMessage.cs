namespace Actors.Kernel.Actor;

/// <summary>Envelope of a keyed timer's message; unwrapped by the cell if the timer is still current.</summary>
internal sealed class TimerMessage(object key, int generation, object message, TimerScheduler owner)
{
    public object Key { get; } = key;

    public int Generation { get; } = generation;

    public object Message { get; } = message;

    public TimerScheduler Owner { get; } = owner;
}
