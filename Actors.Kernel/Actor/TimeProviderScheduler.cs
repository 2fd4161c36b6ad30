using Microsoft.Extensions.Logging;

namespace Actors.Kernel.Actor;

/// <summary>
/// The kernel scheduler: one <see cref="ITimer"/> from the TimeProvider per scheduled item. An
/// action that throws is logged, never allowed to escape onto the timer thread.
/// </summary>
internal sealed class TimeProviderScheduler(TimeProvider time, ILogger log) : IScheduler
{
    private readonly ILogger _log = log;
    private volatile bool _stopped;

    public DateTimeOffset Now => time.GetUtcNow();

    public IActionScheduler Advanced => this;

    public void ScheduleTellOnce(TimeSpan delay, ICanTell receiver, object message, IActorRef? sender) =>
        ScheduleTellOnceCancelable(delay, receiver, message, sender);

    public void ScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, ICanTell receiver, object message, IActorRef? sender) =>
        ScheduleTellRepeatedlyCancelable(initialDelay, interval, receiver, message, sender);

    public ICancelable ScheduleTellOnceCancelable(TimeSpan delay, ICanTell receiver, object message, IActorRef? sender) =>
        ScheduleOnce(delay, () => receiver.Tell(message, sender));

    public ICancelable ScheduleTellRepeatedlyCancelable(TimeSpan initialDelay, TimeSpan interval, ICanTell receiver, object message, IActorRef? sender) =>
        ScheduleRepeatedly(initialDelay, interval, () => receiver.Tell(message, sender));

    public ICancelable ScheduleOnce(TimeSpan delay, Action action) => Schedule(delay, Timeout.InfiniteTimeSpan, action, false);

    public ICancelable ScheduleRepeatedly(TimeSpan initialDelay, TimeSpan interval, Action action)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        return Schedule(initialDelay, interval, action, true);
    }

    internal void Stop() => _stopped = true;

    private Item Schedule(TimeSpan delay, TimeSpan period, Action action, bool repeat)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        var item = new Item(this, action, repeat);
        item.Timer = time.CreateTimer(static s => ((Item)s!).Fire(), item, delay, period);
        return item;
    }

    private sealed class Item(TimeProviderScheduler owner, Action action, bool repeat) : ICancelable
    {
        private int _cancelled;

        public ITimer? Timer { get; set; }

        public bool IsCancellationRequested => Volatile.Read(ref _cancelled) != 0;

        public void Cancel()
        {
            Interlocked.Exchange(ref _cancelled, 1);
            Timer?.Dispose();
        }

        public void Fire()
        {
            if (IsCancellationRequested || owner._stopped)
            {
                Cancel();
                return;
            }

            if (!repeat)
            {
                Cancel();
            }

            try
            {
                action();
            }
            catch (Exception ex)
            {
                owner._log.LogError(ex, "Scheduled action failed: {Reason}", ex.Message);
            }
        }
    }
}
