using System.Text.Json.Nodes;
using Actors.Cloud.ApiServer.Http;
using Actors.Cloud.ApiServer.Storage;
using Microsoft.Extensions.Logging;

namespace Actors.Cloud.ApiServer.Resources;

/// <summary>
/// The part of Kubernetes' pod garbage collector the embedded API server needs, being the whole control plane: pods
/// bound to a node that no longer exists are deleted (grace period 0, UID precondition) once the node has been missing
/// for the quarantine (40 s, so a node that is re-registered at once keeps its pods); pods that were already being
/// deleted go at the first sweep, since no node agent is left to confirm them. Sweeps run every period on a timer and
/// never overlap.
/// </summary>
public sealed partial class PodGcController(ResourceService service, TimeProvider time, TimeSpan quarantine, ILogger logger) : IDisposable
{
    public static readonly TimeSpan DefaultQuarantine = TimeSpan.FromSeconds(40);
    public static readonly TimeSpan DefaultPeriod = TimeSpan.FromSeconds(20);

    private readonly Dictionary<string, DateTimeOffset> _missingSince = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private ITimer? _timer;

    public void Start(TimeSpan period) => _timer = time.CreateTimer(_ => SweepSafely(), null, period, period);

    /// <summary>One pass; returns how many pods it deleted.</summary>
    public int Sweep()
    {
        lock (_gate)
        {
            var podType = service.Registry.Find(string.Empty, "v1", "pods")!;
            var nodes = service.Store.List("core/nodes", null, null, 0, null).Items
                .Select(n => Meta.Name((JsonObject)JsonNode.Parse(n)!)).ToHashSet(StringComparer.Ordinal);
            var now = time.GetUtcNow();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var deleted = 0;
            foreach (var pod in service.Store.List("core/pods", null, null, 0, null).Items.Select(p => (JsonObject)JsonNode.Parse(p)!))
            {
                var node = Meta.Str(pod["spec"]?["nodeName"]);
                var uid = Meta.Str(pod["metadata"]?["uid"]) ?? string.Empty;
                if (string.IsNullOrEmpty(node) || nodes.Contains(node))
                {
                    continue;
                }

                seen.Add(uid);
                var since = _missingSince.TryGetValue(uid, out var first) ? first : _missingSince[uid] = now;
                if (Meta.IsDeleting(pod) || now - since >= quarantine)
                {
                    deleted += TryDelete(podType, pod, uid) ? 1 : 0;
                }
            }

            foreach (var gone in _missingSince.Keys.Where(k => !seen.Contains(k)).ToList())
            {
                _missingSince.Remove(gone);
            }

            return deleted;
        }
    }

    public void Dispose() => _timer?.Dispose();

    private void SweepSafely()
    {
        try
        {
            if (Sweep() is > 0 and var count)
            {
                LogDeleted(logger, count);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogFailed(logger, e); // the next period tries again (e.g. the store is being closed at shutdown)
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "pod GC: deleted {Count} pods bound to nodes that no longer exist")]
    private static partial void LogDeleted(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "pod GC sweep failed")]
    private static partial void LogFailed(ILogger logger, Exception error);

    private bool TryDelete(ResourceType podType, JsonObject pod, string uid)
    {
        try
        {
            service.Delete(podType, Meta.Namespace(pod), Meta.Name(pod), new DeleteOptions(GracePeriodSeconds: 0, PreconditionUid: uid));
            _missingSince.Remove(uid);
            return true;
        }
        catch (ApiException e) when (e.Code is 404 or 409)
        {
            return false; // deleted or replaced meanwhile
        }
    }
}
