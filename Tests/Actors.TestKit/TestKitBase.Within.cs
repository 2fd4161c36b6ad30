using System.Diagnostics;

namespace Actors.TestKit;

/// <summary>Within, AwaitAssert, AwaitCondition.</summary>
public abstract partial class TestKitBase
{
    /// <summary>Runs <paramref name="block"/> with a deadline of Dilated(<paramref name="max"/>) that nested Expect calls default to.</summary>
    public void Within(TimeSpan max, Action block) => Within(TimeSpan.Zero, max, block);

    public void Within(TimeSpan min, TimeSpan max, Action block) => Within(min, max, () =>
    {
        block();
        return 0;
    });

    /// <summary>Fails if the block took less than <paramref name="min"/> or longer than Dilated(<paramref name="max"/>).</summary>
    public T Within<T>(TimeSpan min, TimeSpan max, Func<T> block)
    {
        var dilated = Dilated(max);
        var start = Stopwatch.GetTimestamp();
        var end = start + ToTicks(dilated);
        if (_deadlines.Count > 0 && _deadlines.Peek() < end)
        {
            end = _deadlines.Peek();
        }

        _deadlines.Push(end);
        T result;
        try
        {
            result = block();
        }
        finally
        {
            _deadlines.Pop();
        }

        var elapsed = Stopwatch.GetElapsedTime(start);
        if (elapsed < min)
        {
            Fail("Block took " + elapsed + ", should have at least been " + min);
        }

        // Generous epsilon: the machine is shared and we never assert on tight timing.
        if (elapsed > dilated + Dilated(TimeSpan.FromSeconds(1)))
        {
            Fail("Block took " + elapsed + ", exceeding " + dilated);
        }

        return result;
    }

    public T Within<T>(TimeSpan max, Func<T> block) => Within(TimeSpan.Zero, max, block);

    /// <summary>Re-runs <paramref name="assertion"/> (every 100 ms by default) until it passes; rethrows the last failure.</summary>
    public void AwaitAssert(Action assertion, TimeSpan? duration = null, TimeSpan? interval = null)
    {
        var max = RemainingOrDilated(duration);
        var step = interval ?? TimeSpan.FromMilliseconds(100);
        var deadline = Stopwatch.GetTimestamp() + ToTicks(max);
        while (true)
        {
            try
            {
                assertion();
                return;
            }
            catch (Exception) when (Stopwatch.GetTimestamp() < deadline)
            {
                WaitFor(step);
            }
        }
    }

    public async Task AwaitAssertAsync(Func<Task> assertion, TimeSpan? duration = null, TimeSpan? interval = null)
    {
        var max = RemainingOrDilated(duration);
        var step = interval ?? TimeSpan.FromMilliseconds(100);
        var deadline = Stopwatch.GetTimestamp() + ToTicks(max);
        while (true)
        {
            try
            {
                await assertion().ConfigureAwait(false);
                return;
            }
            catch (Exception) when (Stopwatch.GetTimestamp() < deadline)
            {
                await PollDelay(step).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Polls <paramref name="condition"/> (every max/10 by default) until true; fails on timeout.</summary>
    public void AwaitCondition(Func<bool> condition, TimeSpan? max = null, TimeSpan? interval = null, string? message = null)
    {
        if (!AwaitConditionNoThrow(condition, max, interval))
        {
            Fail("Timeout " + RemainingOrDilated(max) + " expired while waiting for condition" + Hint(message));
        }
    }

    public bool AwaitConditionNoThrow(Func<bool> condition, TimeSpan? max = null, TimeSpan? interval = null)
    {
        var limit = RemainingOrDilated(max);
        var step = interval ?? TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMillisecond, limit.Ticks / 10));
        var deadline = Stopwatch.GetTimestamp() + ToTicks(limit);
        while (!condition())
        {
            if (Stopwatch.GetTimestamp() >= deadline)
            {
                return false;
            }

            WaitFor(step);
        }

        return true;
    }

    public async Task AwaitConditionAsync(Func<Task<bool>> condition, TimeSpan? max = null, TimeSpan? interval = null, string? message = null)
    {
        var limit = RemainingOrDilated(max);
        var step = interval ?? TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMillisecond, limit.Ticks / 10));
        var deadline = Stopwatch.GetTimestamp() + ToTicks(limit);
        while (!await condition().ConfigureAwait(false))
        {
            if (Stopwatch.GetTimestamp() >= deadline)
            {
                Fail("Timeout " + limit + " expired while waiting for condition" + Hint(message));
            }

            await PollDelay(step).ConfigureAwait(false);
        }
    }

    // Polling interval of the await helpers (a bounded wait, not a sleep to let things happen).
    private static void WaitFor(TimeSpan step)
    {
        using var gate = new ManualResetEventSlim(false);
        gate.Wait(step);
    }

    private static Task PollDelay(TimeSpan step) => Task.Delay(step);
}
