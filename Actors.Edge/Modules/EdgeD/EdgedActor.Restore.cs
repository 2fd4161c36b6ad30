using System.Text;
using System.Text.Json;
using Actors.Edge.Modules.EdgeD.Pods;
using Actors.Edge.Modules.MetaManager.Client;
using Actors.Kernel.Actor;
using Actors.Kernel.Modules;
using Actors.Messages.Routing;
using Microsoft.Extensions.Logging;

namespace Actors.Edge.Modules.EdgeD;

/// <summary>
/// Edge autonomy at start: EdgeD asks MetaManager for every stored pod (<c>query null/pod</c>, answered from the local
/// store only) and feeds them into the normal add path; the pod workers then adopt what the runtime still runs.
/// A pod that already came through the bus since start (a newer cloud version, or its delete) is not overwritten by
/// the stored copy. Orphan cleanup waits until the restore is done, so nothing is judged orphaned before it is known.
/// </summary>
internal sealed partial class EdgedActor
{
    private static readonly TimeSpan MaxRestoreDelay = TimeSpan.FromSeconds(30);
    private readonly HashSet<string> _seenBeforeRestore = new(StringComparer.Ordinal);
    private bool _restored;

    private void NoteSeenBeforeRestore(string key)
    {
        if (!_restored)
        {
            _seenBeforeRestore.Add(key);
        }
    }

    private void TellGc() => _gc.Tell(new LivePods(_keyByUid.Keys.ToList(), _restored), Self);

    private void OnRestoreAttempt(RestoreAttempt attempt)
    {
        var self = Self;
        var client = new MetaClient(_context.Bus, _context.Time, _settings.MetaQueryTimeout);
        client.ListPodsAsync(ResourceTypes.NullNamespace).PipeTo(self, self,
            pods => new PodsRestored(pods),
            e => new RestoreFailed(attempt.Attempt, e));
    }

    private void OnRestoreFailed(RestoreFailed failed)
    {
        var error = failed.Error is AggregateException { InnerException: { } inner } ? inner : failed.Error;
        if (error is ModuleDeliveryException)
        {
            // No MetaManager on this bus: there is no store to restore from.
            _context.Logger.LogWarning("EdgeD: no pods restored, metamanager is not reachable on the bus: {Error}", error.Message);
            OnPodsRestored(new PodsRestored([]));
            return;
        }

        var delay = _settings.RetryPeriod * Math.Pow(2, Math.Min(failed.Attempt - 1, 10));
        delay = delay > MaxRestoreDelay ? MaxRestoreDelay : delay;
        _context.Logger.LogWarning("EdgeD: restoring pods from metamanager failed (attempt {Attempt}), retrying in {Delay}: {Error}",
            failed.Attempt, delay, error.Message);
        Context.System.Scheduler.ScheduleTellOnce(delay, Self, new RestoreAttempt(failed.Attempt + 1), Self);
    }

    private void OnPodsRestored(PodsRestored restored)
    {
        if (_restored)
        {
            return;
        }

        var (added, skipped) = (0, 0);
        foreach (var json in restored.Pods)
        {
            if (RestoredPod(json) is not { } pod)
            {
                skipped++;
                continue;
            }

            if (_seenBeforeRestore.Contains(pod.Key))
            {
                continue; // the bus already brought a version at least as new
            }

            if (pod.Deleting)
            {
                DeleteGracefully(pod);
                continue;
            }

            _queue.Add(pod);
            added++;
        }

        _restored = true;
        _seenBeforeRestore.Clear();
        _context.Logger.LogInformation("EdgeD restored {Count} pods from the local store ({Skipped} skipped)", added, skipped);
        Drain();
    }

    /// <summary>The stored pod as EdgeD runs it; null (with a log line) when it is unusable or bound to another node.</summary>
    private PodModel? RestoredPod(string json)
    {
        try
        {
            var bytes = Encoding.UTF8.GetBytes(json);
            using (var doc = JsonDocument.Parse(bytes))
            {
                if (doc.RootElement.TryGetProperty("spec", out var spec) && spec.ValueKind == JsonValueKind.Object
                    && spec.TryGetProperty("nodeName", out var node) && node.ValueKind == JsonValueKind.String
                    && node.GetString() is { Length: > 0 } name && name != _settings.NodeName)
                {
                    _context.Logger.LogWarning("EdgeD does not restore a stored pod bound to node {Other}", name);
                    return null;
                }
            }

            return PodSpecParser.Parse(bytes);
        }
        catch (Exception e) when (e is PodSpecException or InvalidOperationException or JsonException)
        {
            _context.Logger.LogError("EdgeD cannot restore a stored pod: {Error}", e.Message);
            return null;
        }
    }
}
