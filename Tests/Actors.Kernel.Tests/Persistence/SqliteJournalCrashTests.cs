using System.Diagnostics;
using System.Globalization;
using Actors.Kernel.Persistence.Sqlite;
using Actors.Kernel.Tests.Persistence.CrashWriter;

namespace Actors.Kernel.Tests.Persistence;

public sealed class SqliteJournalCrashTests : IDisposable
{
    private const int Writers = 8;
    private const int AcksBeforeKill = 400;
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task SqliteJournal_ProcessKilledMidWriteLoop_KeepsEveryAcknowledgedEvent()
    {
        using var child = StartChild();
        var acked = new long[Writers];
        try
        {
            await ReadAcksThenKill(child, acked);
        }
        finally
        {
            if (!child.HasExited)
            {
                child.Kill(); // never leave an endless writer behind when the test fails early
            }
        }

        using var journal = new SqliteJournal(
            new SqliteJournalOptions { ConnectionString = _db.ConnectionString }, PersistenceTestEvents.CreateRegistry());
        for (var w = 0; w < Writers; w++)
        {
            var replayed = await journal.ReplayAsync($"crash-{w}");
            var seqNrs = replayed.Select(e => e.SequenceNr).ToList();
            Assert.True(seqNrs.Count >= acked[w], $"writer {w}: acknowledged up to {acked[w]} but only {seqNrs.Count} events survived");
            Assert.Equal(Enumerable.Range(1, seqNrs.Count).Select(i => (long)i), seqNrs);
            Assert.All(replayed, e => Assert.Equal(new PodQueued($"pod-{w}", (int)e.SequenceNr), e.Payload));
        }
    }

    private static async Task ReadAcksThenKill(Process child, long[] acked)
    {
        var count = 0;
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (count < AcksBeforeKill)
        {
            var line = await child.StandardOutput.ReadLineAsync(deadline.Token);
            if (line is null)
            {
                Assert.Fail("crash writer exited early: " + await child.StandardError.ReadToEndAsync(deadline.Token));
            }

            count += Record(line, acked) ? 1 : 0;
        }

        child.Kill(); // SIGKILL on Unix: no finalizers, no dispose, no flush
        // Acks printed before the kill are still in the pipe; they count too.
        var rest = await child.StandardOutput.ReadToEndAsync(deadline.Token);
        foreach (var line in rest.Split('\n').SkipLast(1))
        {
            Record(line, acked);
        }

        await child.WaitForExitAsync(deadline.Token);
    }

    private static bool Record(string line, long[] acked)
    {
        var parts = line.Split(' ');
        if (parts.Length != 2)
        {
            return false;
        }

        var w = int.Parse(parts[0], CultureInfo.InvariantCulture);
        acked[w] = Math.Max(acked[w], long.Parse(parts[1], CultureInfo.InvariantCulture));
        return true;
    }

    private Process StartChild()
    {
        var assembly = Path.Combine(AppContext.BaseDirectory, "Actors.Kernel.Tests.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "exec", assembly, CrashWriterProcess.Mode, _db.Path, Writers.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("could not start the crash writer process");
    }
}
