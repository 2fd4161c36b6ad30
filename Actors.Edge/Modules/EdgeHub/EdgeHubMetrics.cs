using Actors.Kernel.Diagnostics;

namespace Actors.Edge.Modules.EdgeHub;

/// <summary>
/// EdgeHub's metrics: <c>edgeactors_edgehub_connected</c> (1 while the cloud link is up),
/// <c>edgeactors_edgehub_connects_total</c>, <c>edgeactors_edgehub_messages_total{direction="in"|"out"}</c> (frames
/// received from / written to CloudHub) and <c>edgeactors_edgehub_outbox_messages</c> (messages waiting for the cloud).
/// </summary>
internal sealed class EdgeHubMetrics
{
    private readonly MetricCell _connected;
    private readonly MetricCell _connects;
    private readonly MetricCell _in;
    private readonly MetricCell _out;
    private readonly MetricCell _outbox;

    public EdgeHubMetrics(MetricsRegistry metrics)
    {
        _connected = metrics.Gauge("edgeactors_edgehub_connected", "1 while the link to CloudHub is up.").WithLabels();
        _connects = metrics.Counter("edgeactors_edgehub_connects_total", "Links to CloudHub established.").WithLabels();
        var messages = metrics.Counter("edgeactors_edgehub_messages_total", "Frames received from (in) and written to (out) CloudHub.", "direction");
        _in = messages.WithLabels("in");
        _out = messages.WithLabels("out");
        _outbox = metrics.Gauge("edgeactors_edgehub_outbox_messages", "Messages in the durable outbox waiting for the cloud.").WithLabels();
    }

    public void Link(bool up)
    {
        _connected.Set(up ? 1 : 0);
        if (up)
        {
            _connects.Inc();
        }
    }

    public void Received() => _in.Inc();

    public void Written() => _out.Inc();

    public void Outbox(int count) => _outbox.Set(count);
}
