using System.Diagnostics;

namespace Actors.TestKit.EventFilter;

/// <summary>
/// Counts matching events while a block runs, then waits up to the (dilated) filter leeway for the
/// expected count and fails if the count differs.
/// </summary>
public sealed class EventFilterApplier
{
    private readonly TestKitBase _kit;
    private readonly Type _channel;
    private readonly Func<object, bool> _match;

    internal EventFilterApplier(TestKitBase kit, Type channel, Func<object, bool> match)
    {
        _kit = kit;
        _channel = channel;
        _match = match;
    }

    public void ExpectOne(Action action) => Expect(1, action);

    public void ExpectOne(TimeSpan timeout, Action action) => Expect(1, timeout, action);

    public void Expect(int expectedCount, Action action) => Expect(expectedCount, _kit.TestKitSettings.FilterLeeway, action);

    public void Expect(int expectedCount, TimeSpan timeout, Action action) =>
        ExpectAsync(expectedCount, timeout, () =>
        {
            action();
            return Task.CompletedTask;
        }).GetAwaiter().GetResult();

    public Task ExpectOneAsync(Func<Task> action) => ExpectAsync(1, _kit.TestKitSettings.FilterLeeway, action);

    public async Task ExpectAsync(int expectedCount, TimeSpan timeout, Func<Task> action)
    {
        var count = 0;
        using (_kit.Sys.EventStream.Subscribe(_channel, e =>
        {
            if (_match(e))
            {
                Interlocked.Increment(ref count);
            }
        }))
        {
            await action().ConfigureAwait(false);
            var deadline = Stopwatch.GetTimestamp() + (long)(_kit.Dilated(timeout).TotalSeconds * Stopwatch.Frequency);
            while (Volatile.Read(ref count) < expectedCount && Stopwatch.GetTimestamp() < deadline)
            {
                await Task.Delay(10).ConfigureAwait(false);
            }
        }

        var got = Volatile.Read(ref count);
        if (got != expectedCount)
        {
            Xunit.Assert.Fail("Expected " + expectedCount + " matching " + _channel.Name + " event(s), but got " + got);
        }
    }
}
