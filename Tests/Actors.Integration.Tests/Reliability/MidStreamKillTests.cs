using System.Diagnostics;
using Xunit.Abstractions;

namespace Actors.Integration.Tests.Reliability;

/// <summary>
/// Issue #5's end-to-end check: 200 configmaps (referenced by pods on the node) are written in rounds while cloudcore,
/// then edgecore, is SIGKILLed in the middle of the downstream stream, then while the edge is stopped (with some deleted,
/// and with cloudcore restarted before the edge returns); after each the edge's store holds exactly the cloud's newest
/// version of every one (none lost, none older, none extra).
/// </summary>
public sealed class MidStreamKillTests(ITestOutputHelper output)
{
    private const int Count = 200;
    private const int Kept = 190;
    private const int KeptAtEnd = 180;

    [Fact]
    public async Task KillEitherProcess_MidStream_EdgeStoreHoldsNewestVersionOfEveryObject()
    {
        var marker = "edgeactors-rel4-" + Guid.NewGuid().ToString("N");
        using var pair = await EdgeCloudPair.StartAsync("edge-rel-4");
        var rounds = new ConfigMapRounds(pair, Count, pods: 4);
        try
        {
            await pair.ApplyAsync("pods.json", rounds.PodsManifest(marker));
            await pair.UntilAsync("the 4 pods stored on the edge", () => Task.FromResult(
                EdgeStore.List(pair.EdgeDatabase, "pod").Count == 4 ? null : EdgeStore.List(pair.EdgeDatabase, "pod").Count + " pods"));

            using (var create = rounds.StartKubectl("create", 1, Path.Combine(pair.CloudDir, "round1.json")))
            {
                await ExitAsync(pair, create, mustSucceed: true);
            }

            await pair.UntilAsync("round 1 of every configmap on the edge", () => Task.FromResult(
                rounds.AtLeast(1) == Count ? null : rounds.AtLeast(1) + " of " + Count));

            // Round 2: cloudcore (API server and CloudHub) SIGKILLed while the writes and their delivery are under way.
            using (var replace = rounds.StartKubectl("replace", 2, Path.Combine(pair.CloudDir, "round2.json")))
            {
                await UntilSomeArrivedAsync(pair, rounds, 2, replace);
                await pair.KillCloudAsync();
                await ExitAsync(pair, replace, mustSucceed: false);
            }

            await pair.StartCloudAsync();
            await UntilEdgeMatchesCloudAsync(pair, rounds, "after cloudcore restarted");

            // Round 3: edgecore SIGKILLed while the writes and their delivery are under way.
            using (var replace = rounds.StartKubectl("replace", 3, Path.Combine(pair.CloudDir, "round3.json")))
            {
                await UntilSomeArrivedAsync(pair, rounds, 3, replace);
                await pair.KillEdgeAsync();
                await ExitAsync(pair, replace, mustSucceed: true);
            }

            await pair.StartEdgeAsync();
            await UntilEdgeMatchesCloudAsync(pair, rounds, "after edgecore restarted");

            // Round 4 while the edge is stopped: every configmap replaced and the last ten deleted (CloudHub holds them).
            await pair.StopEdgeAsync();
            using (var replace = rounds.StartKubectl("replace", 4, Path.Combine(pair.CloudDir, "round4.json")))
            {
                await ExitAsync(pair, replace, mustSucceed: true);
            }

            await pair.KubectlAsync(["delete", "configmap", .. Enumerable.Range(Kept, Count - Kept).Select(ConfigMapRounds.Name)]);
            await pair.StartEdgeAsync();
            await UntilEdgeMatchesCloudAsync(pair, rounds, "after edgecore came back");

            // Round 5 while the edge is stopped, ten more deleted, and cloudcore SIGKILLed and restarted (its offline queue
            // gone) before the edge comes back: the reconnect must still bring every newer version, and the deletions
            // (from the acknowledged objects CloudHub recorded: KubeEdge's ObjectSync).
            await pair.StopEdgeAsync();
            using (var replace = rounds.StartKubectl("replace", 5, Path.Combine(pair.CloudDir, "round5.json"), KeptAtEnd))
            {
                await ExitAsync(pair, replace, mustSucceed: true);
            }

            await pair.KubectlAsync(["delete", "configmap", .. Enumerable.Range(KeptAtEnd, Kept - KeptAtEnd).Select(ConfigMapRounds.Name)]);

            await pair.KillCloudAsync();
            await pair.StartCloudAsync();
            await pair.StartEdgeAsync();
            await UntilEdgeMatchesCloudAsync(pair, rounds, "after both restarted");
            await pair.StopEdgeAsync();

            // Final word from the store itself, with edgecore stopped.
            var cloud = await rounds.InCloudAsync();
            pair.Check(cloud.Count == KeptAtEnd && cloud.Values.All(v => v.Round == 5), "the cloud does not hold round 5 of " + KeptAtEnd + " configmaps");
            var differences = ConfigMapRounds.Differences(cloud, rounds.OnEdge());
            pair.Check(differences is null, "edge store differs from the cloud: " + differences);
        }
        finally
        {
            MarkedProcesses.KillAll(marker);
        }
    }

    private async Task UntilSomeArrivedAsync(EdgeCloudPair pair, ConfigMapRounds rounds, int round, Process kubectl)
    {
        // Delivery goes on while kubectl writes; kill as soon as the first has arrived (the checks hold wherever the kill lands).
        await pair.UntilAsync("the first of round " + round + " on the edge", () => Task.FromResult(
            rounds.AtLeast(round) >= 1 ? null : "none arrived"), poll: TimeSpan.FromMilliseconds(20));
        output.WriteLine("round {0}: {1} of {2} configmaps on the edge at the kill (kubectl still writing: {3})",
            round, rounds.AtLeast(round), Count, !kubectl.HasExited);
    }

    private static Task UntilEdgeMatchesCloudAsync(EdgeCloudPair pair, ConfigMapRounds rounds, string when) =>
        pair.UntilAsync("the edge store holds the cloud's version of every configmap " + when, async () =>
            ConfigMapRounds.Differences(await rounds.InCloudAsync(), rounds.OnEdge()) is { } d ? d[..Math.Min(d.Length, 600)] : null);

    private static async Task ExitAsync(EdgeCloudPair pair, Process kubectl, bool mustSucceed)
    {
        var stderr = kubectl.StandardError.ReadToEndAsync();
        _ = await kubectl.StandardOutput.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(180));
        await kubectl.WaitForExitAsync(cts.Token);
        pair.Check(!mustSucceed || kubectl.ExitCode == 0, "kubectl failed: " + await stderr);
    }
}
