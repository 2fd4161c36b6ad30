using System.Text.Json.Nodes;
using Actors.Cloud.Kubernetes.Client;
using Actors.Cloud.Kubernetes.Patch;
using Actors.Kernel.Actor;
using Actors.Kernel.Event;
using Microsoft.Extensions.Logging;

namespace Actors.Cloud.Modules.Router;

/// <summary>
/// Keeps each rule's <c>status</c> (successMessages, failMessages, the last <see cref="MaxErrors"/> errors) in the API:
/// outcomes are counted in memory and added to the stored counters every flush interval (read, add, merge-patch with
/// the read resourceVersion, so counters survive cloudcore restarts and a concurrent writer causes a retry, not a
/// lost count). A failed flush keeps its counts for the next one; a deleted rule's counts are dropped.
/// </summary>
internal sealed class RuleStatusActor : ReceiveActor, IWithTimers
{
    public const int MaxErrors = 10;
    private readonly Func<CancellationToken, Task<KubernetesClient>> _client;
    private Dictionary<(string Ns, string Name), Counts> _pending = [];
    private bool _flushing;

    public RuleStatusActor(Func<CancellationToken, Task<KubernetesClient>> client, TimeSpan interval)
    {
        _client = client;
        Receive<RuleOutcome>(Count);
        Receive<FlushDue>(_ => Flush());
        Receive<Flushed>(OnFlushed);
        Interval = interval;
    }

    public ITimerScheduler Timers { get; set; } = null!;

    private TimeSpan Interval { get; }

    protected override void PreStart() => Timers.StartPeriodicTimer("flush", FlushDue.Instance, Interval);

    private void Count(RuleOutcome outcome)
    {
        var key = (outcome.Namespace, outcome.Name);
        var counts = _pending.GetValueOrDefault(key) ?? Counts.Zero;
        _pending[key] = counts.Add(outcome);
    }

    private void Flush()
    {
        if (_flushing || _pending.Count == 0)
        {
            return;
        }

        _flushing = true;
        var batch = _pending;
        _pending = [];
        var log = Context.GetLogger();
        FlushAsync(batch, log).PipeTo(Self, Self, left => new Flushed(left), e => new Flushed(batch));
    }

    private void OnFlushed(Flushed flushed)
    {
        _flushing = false;
        foreach (var (key, counts) in flushed.Left)
        {
            _pending[key] = _pending.TryGetValue(key, out var newer) ? counts.Merge(newer) : counts;
        }
    }

    /// <summary>Writes every rule's counts; returns those that could not be written (to retry).</summary>
    private async Task<Dictionary<(string Ns, string Name), Counts>> FlushAsync(Dictionary<(string Ns, string Name), Counts> batch, ILogger log)
    {
        var left = new Dictionary<(string Ns, string Name), Counts>();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var rules = (await _client(cts.Token).ConfigureAwait(false)).Resource(KnownResources.Rules);
        foreach (var ((ns, name), counts) in batch)
        {
            try
            {
                var rule = await rules.GetAsync(ns, name, cts.Token).ConfigureAwait(false);
                var status = rule.Status;
                var errors = (status?.Errors ?? []).Concat(counts.Errors).TakeLast(MaxErrors).Select(e => (JsonNode?)JsonValue.Create(e));
                var patch = new JsonObject
                {
                    ["metadata"] = new JsonObject { ["resourceVersion"] = rule.Metadata.ResourceVersion },
                    ["status"] = new JsonObject
                    {
                        ["successMessages"] = (status?.SuccessMessages ?? 0) + counts.Success,
                        ["failMessages"] = (status?.FailMessages ?? 0) + counts.Fail,
                        ["errors"] = new JsonArray([.. errors]),
                    },
                };
                await rules.PatchStatusAsync(ns, name, KubernetesPatch.Merge(patch), cts.Token).ConfigureAwait(false);
            }
            catch (KubernetesApiException e) when (e.Code == 404)
            {
                log.LogDebug("Router: rule {Namespace}/{Name} is gone; its counts are dropped", ns, name);
            }
            catch (Exception e) when (e is KubernetesApiException or HttpRequestException or OperationCanceledException or System.Text.Json.JsonException)
            {
                log.LogWarning("Router: status of rule {Namespace}/{Name} not written ({Error}); retrying with the next flush", ns, name, e.Message);
                left[(ns, name)] = counts;
            }
        }

        return left;
    }

    private sealed record Counts(long Success, long Fail, IReadOnlyList<string> Errors)
    {
        public static readonly Counts Zero = new(0, 0, []);

        public Counts Add(RuleOutcome outcome) => outcome.Error is null
            ? this with { Success = Success + 1 }
            : new Counts(Success, Fail + 1, [.. Errors.Append(outcome.Error).TakeLast(MaxErrors)]);

        public Counts Merge(Counts newer) => new(Success + newer.Success, Fail + newer.Fail, [.. Errors.Concat(newer.Errors).TakeLast(MaxErrors)]);
    }

    private sealed record FlushDue
    {
        public static readonly FlushDue Instance = new();
    }

    private sealed record Flushed(Dictionary<(string Ns, string Name), Counts> Left);
}
