using System.Text.Json;
using Actors.Edge.Tests.EdgeD.Support;
using Actors.Kernel.Actor;
using Actors.TestKit;

namespace Actors.Edge.Tests.EdgeD;

/// <summary>CrashLoopBackOff on a manual clock: real processes exit, EdgeD's timers (PLEG, back-off) run on test time.</summary>
public sealed class EdgedBackoffTests : TestKit.TestKit
{
    private readonly ManualTimeProvider _time;
    private readonly EdgedHarness _edged;

    public EdgedBackoffTests(Xunit.Abstractions.ITestOutputHelper output)
        : this(new ManualTimeProvider(), output)
    {
    }

    private EdgedBackoffTests(ManualTimeProvider time, Xunit.Abstractions.ITestOutputHelper output)
        : base(new ActorSystemSettings { TimeProvider = time }, output: output)
    {
        _time = time;
        _edged = new EdgedHarness(Sys, time, s => s with
        {
            PlegRelistPeriod = TimeSpan.FromSeconds(1),
            BackoffInitial = TimeSpan.FromSeconds(10),
            BackoffMax = TimeSpan.FromSeconds(40),
        });
    }

    [Fact]
    public async Task CrashingContainer_AlwaysPolicy_RestartsWithDoublingBackoffUpToMax()
    {
        var pod = PodJson.Pod("crash", "Always", PodJson.Shell("c", "busybox", "exit 3"));
        _edged.AddPod(pod);

        var seen = new List<(DateTimeOffset Started, DateTimeOffset Finished)>();
        foreach (var (restarts, backoff) in new[] { (1, 10), (2, 20), (3, 40), (4, 40) })
        {
            var status = await AdvanceUntilAsync(pod, s => s.Container("c").RestartCount() == restarts && s.Container("c").WaitingReason() == "CrashLoopBackOff");
            var message = status.Container("c").WaitingMessage();
            Assert.Contains($"back-off {backoff}s", message, StringComparison.Ordinal);
            Assert.Equal("Running", status.Phase());
            Assert.Equal(3, status.Container("c").GetProperty("lastState").GetProperty("terminated").GetProperty("exitCode").GetInt32());
            var last = status.Container("c").GetProperty("lastState").GetProperty("terminated");
            seen.Add((last.GetProperty("startedAt").GetDateTimeOffset(), last.GetProperty("finishedAt").GetDateTimeOffset()));
        }

        // Each next instance started (on the test clock) at least the back-off delay after the previous one finished.
        foreach (var (k, delay) in new[] { (1, 10), (2, 20), (3, 40) })
        {
            var gap = seen[k].Started - seen[k - 1].Finished;
            Assert.True(gap >= TimeSpan.FromSeconds(delay), $"instance {k + 1} started {gap} after instance {k} finished (back-off {delay}s)");
        }
    }

    /// <summary>Advances the clock a second at a time until a reported status matches (real-time deadline 30 s).</summary>
    private async Task<JsonElement> AdvanceUntilAsync(System.Text.Json.Nodes.JsonObject pod, Func<JsonElement, bool> match)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        var name = EdgedHarness.Name(pod);
        while (true)
        {
            var found = _edged.Meta.PodStatuses("default", name).Where(match).ToList();
            if (found.Count > 0)
            {
                return found[^1];
            }

            if (DateTime.UtcNow > until)
            {
                var all = _edged.Meta.PodStatuses("default", name);
                throw new TimeoutException("status not reached; last: " + (all.Count > 0 ? all[^1].ToString() : "none"));
            }

            _time.Advance(TimeSpan.FromSeconds(1));
            try
            {
                await _edged.Meta.WaitAsync(r => r.PodStatuses("default", name).Any(match) ? "found" : null, TimeSpan.FromMilliseconds(50), "status");
            }
            catch (TimeoutException)
            {
                // advance again
            }
        }
    }

    protected override void AfterAll()
    {
        _edged.Dispose();
        base.AfterAll();
    }
}
