using System.Threading.Channels;

namespace Actors.Bench.Kernel;

/// <summary>The baseline: the same ping-pong workload over raw System.Threading.Channels hops.</summary>
internal static class ChannelPingPong
{
    public static TimeSpan Run(int pairs, int inflight, long perPair)
    {
        using var done = new CountdownEvent(pairs);
        var loops = new List<Task>();
        var start = System.Diagnostics.Stopwatch.GetTimestamp();
        var ins = new List<Channel<object>>();
        for (var p = 0; p < pairs; p++)
        {
            var a = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
            var b = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
            loops.Add(Pinger(a.Reader, b.Writer));
            loops.Add(Ponger(b.Reader, a.Writer, perPair, done));
            ins.Add(b);
        }

        var ball = new object();
        foreach (var b in ins)
        {
            for (var i = 0; i < inflight; i++)
            {
                b.Writer.TryWrite(ball);
            }
        }

        done.Wait();
        var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(start);
        foreach (var b in ins)
        {
            b.Writer.TryComplete();
        }

        return elapsed;
    }

    /// <summary>Single-message round trips; returns elapsed time for <paramref name="trips"/> trips.</summary>
    public static TimeSpan RoundTrips(long trips)
    {
        using var done = new CountdownEvent(1);
        var a = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
        var b = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
        var start = System.Diagnostics.Stopwatch.GetTimestamp();
        _ = Pinger(a.Reader, b.Writer);
        _ = Ponger(b.Reader, a.Writer, trips, done);
        b.Writer.TryWrite(new object());
        done.Wait();
        var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(start);
        b.Writer.TryComplete();
        a.Writer.TryComplete();
        return elapsed;
    }

    private static async Task Pinger(ChannelReader<object> input, ChannelWriter<object> output)
    {
        await Task.Yield();
        await foreach (var m in input.ReadAllAsync())
        {
            output.TryWrite(m);
        }
    }

    private static async Task Ponger(ChannelReader<object> input, ChannelWriter<object> output, long target, CountdownEvent done)
    {
        await Task.Yield();
        long n = 0;
        await foreach (var m in input.ReadAllAsync())
        {
            n++;
            if (n < target)
            {
                output.TryWrite(m);
            }
            else if (n == target)
            {
                done.Signal();
                output.TryComplete();
            }
        }
    }
}
