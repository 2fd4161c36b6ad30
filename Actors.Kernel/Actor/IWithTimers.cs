namespace Actors.Kernel.Actor;

/// <summary>Marks an actor that uses keyed timers; the kernel sets <see cref="Timers"/> after construction.</summary>
public interface IWithTimers
{
    ITimerScheduler Timers { get; set; }
}
