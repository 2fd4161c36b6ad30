namespace Actors.Cri.Tests.Support;

/// <summary>Polls a condition with a deadline (no fixed sleeps in tests).</summary>
internal static class Poll
{
    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan deadline, string what)
    {
        var until = DateTime.UtcNow + deadline;
        var interval = TimeSpan.FromMilliseconds(20);
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"{what} not reached within {deadline}; last value: {value}");
            }

            await Task.Delay(interval);
            interval = TimeSpan.FromMilliseconds(Math.Min(interval.TotalMilliseconds * 2, 250));
        }
    }
}
