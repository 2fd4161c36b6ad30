namespace Actors.Kernel.Actor;

/// <summary>
/// Schedules messages and actions on the system's <see cref="TimeProvider"/> (so tests can drive
/// time). Work scheduled after the system terminated is dropped.
/// </summary>
public interface IScheduler
{
    /// <summary>The scheduler's clock.</summary>
    DateTimeOffset Now { get; }

    void ScheduleTellOnce(TimeSpan delay, ICanTell receiver, object message, IActorRef? sender);

    void ScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, ICanTell receiver, object message, IActorRef? sender);

    ICancelable ScheduleTellOnceCancelable(TimeSpan delay, ICanTell receiver, object message, IActorRef? sender);

    ICancelable ScheduleTellRepeatedlyCancelable(TimeSpan initialDelay, TimeSpan interval, ICanTell receiver, object message, IActorRef? sender);

    /// <summary>Runs an action once after <paramref name="delay"/> (on a pool thread).</summary>
    ICancelable ScheduleOnce(TimeSpan delay, Action action);

    ICancelable ScheduleRepeatedly(TimeSpan initialDelay, TimeSpan interval, Action action);
}
