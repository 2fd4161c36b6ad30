using System.Collections.Concurrent;
using Actors.Kernel.Actor;
using Actors.Kernel.Diagnostics;

namespace Actors.Cloud.Modules.CloudHub;

/// <summary>
/// CloudHub's metrics (one set per actor system): <c>edgeactors_cloudhub_connected_nodes</c>,
/// <c>edgeactors_cloudhub_messages_total{direction="in"|"out"}</c> (frames from / queued to edges),
/// <c>edgeactors_cloudhub_retries_total</c> (resends of unacknowledged messages),
/// <c>edgeactors_cloudhub_unacked_messages</c> (messages sent and awaiting an ACK, read at scrape time) and
/// <c>edgeactors_cloudhub_offline_messages</c> (messages queued for nodes without a session).
/// </summary>
internal sealed class CloudHubMetrics
{
    private readonly ConcurrentDictionary<object, Func<int>> _unacked = new();
    private readonly MetricCell _connected;
    private readonly MetricCell _in;
    private readonly MetricCell _out;
    private readonly MetricCell _retries;
    private readonly MetricCell _offline;

    private CloudHubMetrics(MetricsRegistry metrics)
    {
        _connected = metrics.Gauge("edgeactors_cloudhub_connected_nodes", "Edge nodes with a live session.").WithLabels();
        var messages = metrics.Counter("edgeactors_cloudhub_messages_total", "Frames received from (in) and queued to (out) edge nodes.", "direction");
        _in = messages.WithLabels("in");
        _out = messages.WithLabels("out");
        _retries = metrics.Counter("edgeactors_cloudhub_retries_total", "Resends of messages an edge has not acknowledged.").WithLabels();
        _offline = metrics.Gauge("edgeactors_cloudhub_offline_messages", "Messages queued for nodes without a session.").WithLabels();
        metrics.Observe("edgeactors_cloudhub_unacked_messages", "Messages sent to edges and awaiting their ACK.", MetricKind.Gauge, [],
            () => [new MetricSample([], _unacked.Values.Sum(count => count()))]);
    }

    public static CloudHubMetrics Get(ActorSystem system) => system.GetOrAddExtension(s => new CloudHubMetrics(MetricsRegistry.Get(s)));

    public void ConnectedNodes(int count) => _connected.Set(count);

    public void Received() => _in.Inc();

    public void Queued() => _out.Inc();

    public void Retried() => _retries.Inc();

    public void OfflineMessages(int count) => _offline.Set(count);

    /// <summary>A session's unacknowledged count, read at every scrape until <see cref="Untrack"/>.</summary>
    public void Track(object session, Func<int> unacked) => _unacked[session] = unacked;

    public void Untrack(object session) => _unacked.TryRemove(session, out _);
}
