using System.Text.Json.Nodes;
using Actors.Kernel.Actor;
using Actors.Kernel.Modules;
using Actors.Messages.Bus;
using Actors.Messages.EdgeD;
using Actors.Messages.Routing;
using Actors.Messages.Wire;

namespace Actors.Edge.Modules.EdgeD.Status;

/// <summary>
/// Sends pod statuses to MetaManager as <see cref="PodStatusPatch"/> (<c>&lt;ns&gt;/podpatch/&lt;name&gt;</c>, content =
/// the patch text <c>{"metadata":{"uid":...},"status":{...}}</c>): at once when a worker reports a status different
/// from the last one sent, and every period for every pod (MetaManager does not queue patches while offline, so the
/// periodic resend is what brings the cloud up to date after a reconnect).
/// </summary>
internal sealed class StatusManager : ReceiveActor, IWithTimers
{
    private readonly ModuleBus _bus;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, PodStatusReport> _latest = new(StringComparer.Ordinal);

    public StatusManager(ModuleBus bus, TimeProvider time, TimeSpan period)
    {
        _bus = bus;
        _time = time;
        Receive<PodStatusReport>(OnReport);
        Receive<ForgetPod>(f => _latest.Remove(f.Namespace + "/" + f.Name));
        Receive<Tick>(_ =>
        {
            foreach (var report in _latest.Values)
            {
                Send(report);
            }
        });
        Period = period;
    }

    public ITimerScheduler Timers { get; set; } = null!;

    private TimeSpan Period { get; }

    /// <summary>The patch text for a report.</summary>
    internal static string PatchText(PodStatusReport report) => new JsonObject
    {
        ["metadata"] = new JsonObject { ["uid"] = report.Uid },
        ["status"] = JsonNode.Parse(report.StatusJson),
    }.ToJsonString();

    protected override void PreStart() => Timers.StartPeriodicTimer("resync", new Tick(), Period);

    private void OnReport(PodStatusReport report)
    {
        var key = report.Namespace + "/" + report.Name;
        if (_latest.TryGetValue(key, out var last) && last == report)
        {
            return;
        }

        _latest[key] = report;
        Send(report);
    }

    private void Send(PodStatusReport report)
    {
        var patch = new PodStatusPatch(report.Namespace, report.Name, MessageContent.FromString(PatchText(report)));
        _bus.Send(ModuleNames.MetaManager, new BusMessage(EdgeDTranslator.ToEnvelope(patch, MessageHeader.New(_time))));
    }
}
