namespace Actors.Kernel.Actor;

/// <summary>The kernel's <see cref="ITimerScheduler"/>; its map is touched only on the actor's thread.</summary>
internal sealed class TimerScheduler(ActorCell cell) : ITimerScheduler
{
    private readonly Dictionary<object, Entry> _timers = [];
    private int _generation;

    public IReadOnlyCollection<object> ActiveTimers => _timers.Keys.ToArray();

    public void StartSingleTimer(object key, object msg, TimeSpan timeout, IActorRef? sender = null) =>
        Start(key, msg, timeout, Timeout.InfiniteTimeSpan, false, sender);

    public void StartPeriodicTimer(object key, object msg, TimeSpan interval, IActorRef? sender = null) =>
        Start(key, msg, interval, interval, true, sender);

    public void StartPeriodicTimer(object key, object msg, TimeSpan initialDelay, TimeSpan interval, IActorRef? sender = null) =>
        Start(key, msg, initialDelay, interval, true, sender);

    public bool IsTimerActive(object key) => _timers.ContainsKey(key);

    public void Cancel(object key)
    {
        if (_timers.Remove(key, out var e))
        {
            e.Timer.Dispose();
        }
    }

    public void CancelAll()
    {
        foreach (var e in _timers.Values)
        {
            e.Timer.Dispose();
        }

        _timers.Clear();
    }

    /// <summary>Returns the wrapped message if its timer is still current, else null (dropped).</summary>
    internal static object? Intercept(ActorBase? actor, TimerMessage tm)
    {
        if (actor is not IWithTimers { Timers: TimerScheduler self } || !ReferenceEquals(self, tm.Owner))
        {
            return null;
        }

        if (!self._timers.TryGetValue(tm.Key, out var e) || e.Generation != tm.Generation)
        {
            return null;
        }

        if (!e.Repeat)
        {
            self._timers.Remove(tm.Key);
            e.Timer.Dispose();
        }

        return tm.Message;
    }

    private void Start(object key, object msg, TimeSpan due, TimeSpan period, bool repeat, IActorRef? sender)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(due, TimeSpan.Zero);
        Cancel(key);
        var generation = ++_generation;
        var self = cell.Self;
        var wrapped = new TimerMessage(key, generation, msg, this);
        var timer = cell.System.TimeProvider.CreateTimer(_ => self.Tell(wrapped, sender), null, due, period);
        _timers[key] = new Entry(timer, generation, repeat);
    }

    private readonly record struct Entry(ITimer Timer, int Generation, bool Repeat);
}
