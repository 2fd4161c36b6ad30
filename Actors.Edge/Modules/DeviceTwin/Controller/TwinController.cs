using System.Collections.Immutable;
using Actors.Edge.Modules.DeviceTwin.Engine;
using Actors.Edge.Modules.DeviceTwin.Storage;
using Actors.Edge.Modules.DeviceTwin.Twin;
using Actors.Kernel.Actor;
using Actors.Kernel.Modules;
using Actors.Messages.Bus;
using Actors.Messages.Routing;
using Actors.Messages.Wire;
using Microsoft.Extensions.Logging;

namespace Actors.Edge.Modules.DeviceTwin.Controller;

/// <summary>
/// DeviceTwin's root actor. It owns the device store and the device cache (loaded from the store at start) and
/// supervises four children that replace KubeEdge's ping/restart health check: the membership, twin and device
/// workers (which plan requests) and the communication child (which delivers the cloud outbox). A failing child is
/// restarted; the request it failed on is handed to the new incarnation (up to <c>max-work-attempts</c>, then answered
/// with error 500). A plan is committed to the store — twin rows and cloud outbox rows in one transaction — before the
/// cache changes and before anything is published, so an acknowledged update is durable.
/// </summary>
internal sealed partial class TwinController : ActorBase
{
    private readonly ModuleContext _module;
    private readonly TwinControllerSettings _settings;
    private readonly Func<IDeviceStore> _openStore;
    private readonly ITwinEngine _engine;
    private readonly Dictionary<TwinWorker, IActorRef> _workers = [];
    private IDeviceStore _store = null!;
    private IActorRef _communication = null!;
    private ImmutableDictionary<string, DeviceEntry> _devices = ImmutableDictionary<string, DeviceEntry>.Empty;
    private bool _connected = true;
    private DeviceTwinMetrics _metrics = null!;

    public TwinController(ModuleContext module, TwinControllerSettings settings, Func<IDeviceStore> openStore, ITwinEngine engine)
    {
        _module = module;
        _settings = settings;
        _openStore = openStore;
        _engine = engine;
    }

    private ILogger Log => _module.Logger;

    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(_ => Directive.Restart);

    protected override void PreStart()
    {
        _store = _openStore();
        _devices = Load(_store);
        _metrics = new DeviceTwinMetrics(Kernel.Diagnostics.MetricsRegistry.Get(Context.System));
        _metrics.Devices(_devices.Count);
        foreach (var worker in Enum.GetValues<TwinWorker>())
        {
            var name = worker.ToString().ToLowerInvariant();
            _workers[worker] = Context.ActorOf(Props.Create(() => new WorkerActor(name, _engine, _module.Time)), name);
        }

        _communication = Context.ActorOf(
            Props.Create(() => new CommunicationActor(_module.Bus, _module.Time, _settings.ConfirmRetryInterval)), CommunicationActor.Name);
        _communication.Tell(new OutboxLoaded(_store.GetOutbox(), _connected), Self);
        Log.LogInformation("DeviceTwin started with {Count} devices", _devices.Count);
    }

    protected override void PostStop() => _store?.Dispose();

    protected override bool Receive(object message)
    {
        switch (message)
        {
            case BusMessage bus:
                OnEnvelope(bus.Envelope);
                return true;
            case MessageEnvelope envelope:
                OnEnvelope(envelope);
                return true;
            case WorkPlanned planned:
                OnPlanned(planned);
                return true;
            case ChildFailed failed:
                OnChildFailed(failed);
                return true;
            case OutboxConfirmed confirmed:
                OnConfirmed(confirmed.MsgId);
                return true;
            case FlushBatch:
                Flush();
                return true;
            default:
                return false;
        }
    }

    private static ImmutableDictionary<string, DeviceEntry> Load(IDeviceStore store)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, DeviceEntry>(StringComparer.Ordinal);
        foreach (var device in store.GetAllDevices())
        {
            builder[device.Id] = new DeviceEntry(
                device,
                store.GetAttributes(device.Id).ToImmutableSortedDictionary(a => a.Name, a => a, StringComparer.Ordinal),
                store.GetTwins(device.Id).ToImmutableSortedDictionary(t => t.Name, TwinRows.FromRow, StringComparer.Ordinal));
        }

        return builder.ToImmutable();
    }

    private void OnEnvelope(MessageEnvelope envelope)
    {
        switch (RequestClassifier.Classify(envelope))
        {
            case RequestMessage request:
                Submit(request.Request);
                break;
            case ConnectionMessage connection:
                _connected = connection.Connected;
                Log.LogInformation("DeviceTwin: cloud link {State}", connection.Connected ? "up" : "down");
                _communication.Tell(new LinkChanged(connection.Connected), Self);
                break;
            case ConfirmationMessage confirmation:
                _communication.Tell(new ConfirmReceived(confirmation.MsgId), Self);
                break;
            case IgnoredMessage ignored:
                Log.LogWarning("DeviceTwin ignored a message: {Reason}", ignored.Reason);
                break;
        }
    }

    private void OnChildFailed(ChildFailed failed)
    {
        Log.LogWarning("DeviceTwin child {Child} failed and is restarted: {Reason}", failed.Child, failed.Reason);
        if (failed.Child == CommunicationActor.Name)
        {
            _communication.Tell(new OutboxLoaded(_store.GetOutbox(), _connected), Self);
            return;
        }

        var retry = failed.Seq is { } seq && _inFlight.TryGetValue(seq, out var one)
            ? [one]
            : _inFlight.Values.Where(p => p.Request.Worker.ToString().Equals(failed.Child, StringComparison.OrdinalIgnoreCase)).ToList();
        foreach (var pending in retry)
        {
            pending.Attempts++;
            if (pending.Attempts >= _settings.MaxWorkAttempts)
            {
                Log.LogError("DeviceTwin gave up request {Seq} ({Request}) after {Attempts} failed attempts", pending.Seq, pending.Request.GetType().Name, pending.Attempts);
                GiveUp(pending);
            }
            else
            {
                Dispatch(pending);
            }
        }
    }

    private void GiveUp(Pending pending)
    {
        if (pending.Request is DeviceTopicRequest { Action: DeviceTopicAction.TwinUpdate or DeviceTopicAction.TwinGet } request)
        {
            var topic = request.Action == DeviceTopicAction.TwinUpdate ? TwinTopics.TwinUpdateResult(request.TopicId) : TwinTopics.TwinGetResult(request.TopicId);
            var now = _module.Time.GetUtcNow().ToUnixTimeMilliseconds();
            Publish(new MqttPublication(topic, TwinPayloads.Error(string.Empty, now, TwinCodes.InternalError, "internal error while handling the request")));
        }

        Complete(pending);
    }

    private void Publish(MqttPublication publication) => Publish(WorkerActor.Prepare(publication, _module.Time));

    private void Publish(BusMessage message) => _module.Bus.Send(ModuleNames.EventBus, message);
}
