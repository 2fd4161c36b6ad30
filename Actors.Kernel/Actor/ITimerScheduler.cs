namespace Actors.Kernel.Actor;

/// <summary>
/// Keyed timers owned by one actor. Starting a timer with an existing key replaces it; messages
/// of replaced or cancelled timers are dropped even if already queued; all timers are cancelled
/// when the actor restarts or stops. Time comes from the system's TimeProvider.
/// </summary>
public interface ITimerScheduler
{
    void StartSingleTimer(object key, object msg, TimeSpan timeout, IActorRef? sender = null);

    void StartPeriodicTimer(object key, object msg, TimeSpan interval, IActorRef? sender = null);

    void StartPeriodicTimer(object key, object msg, TimeSpan initialDelay, TimeSpan interval, IActorRef? sender = null);

    bool IsTimerActive(object key);

    void Cancel(object key);

    void CancelAll();

    IReadOnlyCollection<object> ActiveTimers { get; }
}
