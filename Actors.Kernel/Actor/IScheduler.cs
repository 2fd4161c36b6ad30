namespace Actors.Kernel.Actor;

/// <summary>
/// Schedules messages and actions on the system's <see cref="TimeProvider"/> (so tests can drive
/// time). Work scheduled after the system terminated is dropped.
/// </summary>
public interface IScheduler : IActionScheduler
{
    /// <summary>The action scheduler (this same scheduler), as <c>system.Scheduler.Advanced</c> in Akka.NET.</summary>
    IActionScheduler Advanced { get; }

    /// <summary>The scheduler's clock.</summary>
    DateTimeOffset Now { get; }

    void ScheduleTellOnce(TimeSpan delay, ICanTell receiver, object message, IActorRef? sender);

    void ScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, ICanTell receiver, object message, IActorRef? sender);

    ICancelable ScheduleTellOnceCancelable(TimeSpan delay, ICanTell receiver, object message, IActorRef? sender);

    ICancelable ScheduleTellRepeatedlyCancelable(TimeSpan initialDelay, TimeSpan interval, ICanTell receiver, object message, IActorRef? sender);

}
