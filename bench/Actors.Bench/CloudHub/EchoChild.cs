using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;

namespace Actors.Bench.CloudHub;

/// <summary>
/// Child process mode <c>cloudhub --child echo --port P --conns C --count M --window W --size B</c>: the baseline
/// client. Connects C sockets to the plain Kestrel echo server, prints <c>CONNECTED C</c>, waits for <c>GO</c>, then
/// sends M frames of B bytes with at most W in flight across all sockets and prints
/// <c>ECHO &lt;seconds&gt; &lt;p50 ms&gt; &lt;p99 ms&gt;</c> (round trip per frame).
/// </summary>
internal static class EchoChild
{
    public static async Task<int> RunAsync(int port, int conns, int count, int window, int size)
    {
        var sockets = await EdgeSockets.ConnectAllAsync(conns, _ => new Uri($"ws://127.0.0.1:{port}/echo"), _ => null).ConfigureAwait(false);
        await Console.Out.WriteLineAsync("CONNECTED " + conns).ConfigureAwait(false);
        await Console.Out.FlushAsync().ConfigureAwait(false);
        await Console.In.ReadLineAsync().ConfigureAwait(false);

        var sent = sockets.Select(_ => new ConcurrentQueue<long>()).ToArray();
        var locks = sockets.Select(_ => new SemaphoreSlim(1)).ToArray();
        var latencies = new long[count];
        var received = 0;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var slots = new SemaphoreSlim(window);
        var readers = sockets.Select((s, i) => Task.Run(async () =>
        {
            var buffer = new byte[size * 2];
            while (await EdgeSockets.ReceiveAsync(s, buffer).ConfigureAwait(false) is var (data, _))
            {
                buffer = data;
                sent[i].TryDequeue(out var start);
                var n = Interlocked.Increment(ref received);
                latencies[n - 1] = Stopwatch.GetTimestamp() - start;
                slots.Release();
                if (n == count)
                {
                    done.TrySetResult();
                }
            }
        })).ToArray();

        var payload = new byte[size];
        Array.Fill(payload, (byte)'x');
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            await slots.WaitAsync().ConfigureAwait(false);
            var c = i % conns;
            await locks[c].WaitAsync().ConfigureAwait(false);
            try
            {
                sent[c].Enqueue(Stopwatch.GetTimestamp());
                await sockets[c].SendAsync(payload, WebSocketMessageType.Text, true, CancellationToken.None).ConfigureAwait(false);
            }
            finally
            {
                locks[c].Release();
            }
        }

        await done.Task.WaitAsync(TimeSpan.FromMinutes(5)).ConfigureAwait(false);
        var seconds = clock.Elapsed.TotalSeconds;
        await Console.Out.WriteLineAsync(FormattableString.Invariant(
            $"ECHO {seconds:F3} {Percentiles.Of(latencies, 50):F3} {Percentiles.Of(latencies, 99):F3}")).ConfigureAwait(false);
        await Console.Out.FlushAsync().ConfigureAwait(false);
        foreach (var socket in sockets)
        {
            socket.Abort();
            socket.Dispose();
        }

        await Task.WhenAll(readers.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default))).ConfigureAwait(false);
        return 0;
    }
}
