namespace Actors.Kernel.Actor;

/// <summary>Schedules actions (Akka.NET's <c>Scheduler.Advanced</c>); actions run on a pool thread and must be thread-safe.</summary>
public interface IActionScheduler
{
    ICancelable ScheduleOnce(TimeSpan delay, Action action);

    ICancelable ScheduleRepeatedly(TimeSpan initialDelay, TimeSpan interval, Action action);
}
