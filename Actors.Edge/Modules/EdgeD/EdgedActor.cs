using Actors.Cri.Runtime;
using Actors.Edge.Modules.EdgeD.Pleg;
using Actors.Edge.Modules.EdgeD.Pods;
using Actors.Edge.Modules.EdgeD.Runtime;
using Actors.Edge.Modules.EdgeD.Status;
using Actors.Edge.Modules.EdgeD.Volumes;
using Actors.Kernel.Actor;
using Actors.Kernel.Modules;
using Actors.Messages.Bus;
using Actors.Messages.EdgeD;
using Actors.Messages.Routing;
using Microsoft.Extensions.Logging;

namespace Actors.Edge.Modules.EdgeD;

/// <summary>
/// EdgeD's root actor. Owns the container runtime (created at start, disposed at stop), the two pod work queues,
/// and its children: one <see cref="PodWorker"/> per pod, the <see cref="PlegActor"/>, the
/// <see cref="StatusManager"/> and the <see cref="NodeStatusActor"/>. Pod changes arrive from MetaManager as
/// <see cref="BusMessage"/>s; PLEG events are routed to the pod's worker by uid.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "Actors release resources in PostStop, not Dispose; the HTTP client and runtime are disposed there.")]
internal sealed partial class EdgedActor : ReceiveActor
{
    private readonly ModuleContext _context;
    private readonly EdgedSettings _settings;
    private readonly PodWorkQueue _queue = new();
    private readonly Dictionary<string, IActorRef> _workers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _keyByWorkerName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PodModel> _desired = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _keyByUid = new(StringComparer.Ordinal);
    private readonly HashSet<string> _deleting = new(StringComparer.Ordinal);
    private CriRuntime? _runtime;
    private PodSyncer? _syncer;
    private IActorRef _status = ActorRefs.Nobody;
    private string _runtimeName = "unknown";
    private HttpClient? _probeHttp;
    private IActorRef _gc = ActorRefs.Nobody;
    private Prober.ProbeRunner? _probeRunner;

    public EdgedActor(ModuleContext context, EdgedSettings settings)
    {
        _context = context;
        _settings = settings;
        Receive<BusMessage>(OnBusMessage);
        Receive<PodLifecycleEvents>(OnPlegEvents);
        Receive<PodRemoved>(OnPodRemoved);
        Receive<ResendPod>(OnResend);
        Receive<Terminated>(OnTerminated);
        Receive<RestoreAttempt>(OnRestoreAttempt);
        Receive<PodsRestored>(OnPodsRestored);
        Receive<RestoreFailed>(OnRestoreFailed);
    }

    protected override void PreStart()
    {
        var runtime = _settings.RuntimeFactory(_context.Time);
        _runtime = runtime;
        _runtimeName = RuntimeName(runtime);
        var node = new PodAddresses(_settings.NodeName, NodeResources.Read(_settings.PodsRoot).InternalIp, string.Empty);
        var meta = new BusMetaQuery(_context.Bus, _context.Time, _settings.MetaQueryTimeout);
        var volumes = new VolumeManager(_settings.PodsRoot, meta);
        _syncer = new PodSyncer(runtime, volumes, new EnvResolver(meta), _settings, _context.Time, node, _context.Logger, EdgedMetrics.Get(Context.System));
        _probeHttp = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = true, UseProxy = false, ConnectTimeout = TimeSpan.FromSeconds(10) });
        _probeRunner = new Prober.ProbeRunner(runtime.Runtime, _probeHttp);
        _status = Context.ActorOf(Props.Create(() => new StatusManager(_context.Bus, _context.Time, _settings.PodStatusPeriod)), "status");
        Context.ActorOf(Props.Create(() => new PlegActor(runtime.Runtime, _settings.PlegRelistPeriod)), "pleg");
        Context.ActorOf(Props.Create(() => new NodeStatusActor(_context.Bus, runtime.Runtime, _settings, _context.Time)), "node-status");
        if (_settings.NodeLeaseDuration > TimeSpan.Zero)
        {
            Context.ActorOf(Props.Create(() => new NodeLeaseActor(_context.Bus, _settings, _context.Time)), "node-lease");
        }
        _gc = Context.ActorOf(Props.Create(() => new Gc.GcActor(runtime, _settings, _context.Time)), "gc");
        _context.Logger.LogInformation("EdgeD started on node {Node} with the {Runtime} runtime", _settings.NodeName, _runtimeName);
        Self.Tell(new RestoreAttempt(1), Self);
    }

    protected override void PostStop()
    {
        _probeHttp?.Dispose();
        // On the thread pool: the runtime's continuations must not be posted to this (blocked) actor's context.
        if (_runtime is { } runtime && !Task.Run(() => runtime.DisposeAsync().AsTask()).Wait(TimeSpan.FromSeconds(10)))
        {
            _context.Logger.LogWarning("EdgeD: the container runtime did not close within 10 s");
        }
    }

    private static string RuntimeName(CriRuntime runtime)
    {
        try
        {
            var version = Task.Run(() => runtime.Runtime.VersionAsync()).WaitAsync(TimeSpan.FromSeconds(5)).GetAwaiter().GetResult();
            return version.RuntimeName;
        }
        catch (Exception)
        {
            return runtime.Kind.ToString().ToLowerInvariant();
        }
    }

    private void OnBusMessage(BusMessage message)
    {
        var parsed = EdgeDTranslator.TryParse(message.Envelope, out var reason);
        switch (parsed)
        {
            case PodUpserted upserted:
                NoteSeenBeforeRestore(upserted.Namespace + "/" + upserted.Name);
                OnPodUpserted(upserted);
                break;
            case PodDeleted deleted:
                NoteSeenBeforeRestore(deleted.Namespace + "/" + deleted.Name);
                _queue.Delete(deleted.Namespace + "/" + deleted.Name);
                break;
            default:
                // MetaManager hands EdgeD every object it stores (configmaps, devices…); only malformed pod messages are worth a warning.
                var level = IsOtherObject(message.Envelope.Route.Resource) ? LogLevel.Debug : LogLevel.Warning;
                _context.Logger.Log(level, "EdgeD ignores message {MsgId} ({Operation} {Resource}): {Reason}",
                    message.Envelope.Header.MsgId, message.Envelope.Route.Operation, message.Envelope.Route.Resource, reason);
                return;
        }

        Drain();
    }

    /// <summary>An edge-form resource <c>&lt;ns&gt;/&lt;type&gt;/&lt;name&gt;</c> whose type is not a pod.</summary>
    private static bool IsOtherObject(string resource)
    {
        var parts = resource.Split('/');
        return parts.Length >= 3 && parts[1].Length > 0 && parts[1] != ResourceTypes.Pod;
    }

    private void OnPodUpserted(PodUpserted upserted)
    {
        try
        {
            var pod = PodSpecParser.Parse(upserted.Pod.Json);
            if (pod.Namespace != upserted.Namespace || pod.Name != upserted.Name)
            {
                throw new PodSpecException($"resource names {upserted.Namespace}/{upserted.Name} but the pod is {pod.Key}");
            }

            if (pod.Deleting)
            {
                DeleteGracefully(pod);
                return;
            }

            _queue.Add(pod);
        }
        catch (Exception e) when (e is PodSpecException or InvalidOperationException or System.Text.Json.JsonException)
        {
            _context.Logger.LogError("EdgeD rejects pod {Namespace}/{Name}: {Error}", upserted.Namespace, upserted.Name, e.Message);
        }
    }

    /// <summary>Deletions first; additions for pods still being deleted stay queued until the old worker stopped.</summary>
    private void Drain()
    {
        foreach (var key in _queue.TakeDeletions())
        {
            _desired.Remove(key);
            if (_workers.TryGetValue(key, out var worker) && _deleting.Add(key))
            {
                worker.Tell(new DeletePod(), Self);
            }
        }

        foreach (var pod in _queue.TakeAdditions(key => !_deleting.Contains(key)))
        {
            _desired[pod.Key] = pod;
            _keyByUid[pod.Uid] = pod.Key;
            WorkerFor(pod.Key).Tell(new UpdatePod(pod), Self);
        }

        TellGc();
    }

    private IActorRef WorkerFor(string key)
    {
        if (_workers.TryGetValue(key, out var worker))
        {
            return worker;
        }

        var name = "pod-" + key.Replace('/', '_');
        var syncer = _syncer!;
        var status = _status;
        var time = _context.Time;
        var runtimeName = _runtimeName;
        var probes = _probeRunner!;
        worker = Context.ActorOf(Props.Create(() => new PodWorker(syncer, status, time, runtimeName, probes)), name);
        Context.Watch(worker);
        _workers[key] = worker;
        _keyByWorkerName[name] = key;
        return worker;
    }

    private void OnPlegEvents(PodLifecycleEvents events)
    {
        foreach (var uid in events.Events.Select(e => e.PodUid).Distinct(StringComparer.Ordinal))
        {
            if (_keyByUid.TryGetValue(uid, out var key) && _workers.TryGetValue(key, out var worker))
            {
                worker.Tell(new SyncPod("pleg"), Self);
            }
        }
    }

    private void OnResend(ResendPod resend)
    {
        if (!_keyByWorkerName.TryGetValue(resend.Key, out var key))
        {
            return;
        }

        if (_deleting.Contains(key))
        {
            Sender.Tell(new DeletePod(), Self);
        }
        else if (_desired.TryGetValue(key, out var pod))
        {
            Sender.Tell(new UpdatePod(pod), Self);
        }
    }

    private void OnTerminated(Terminated terminated)
    {
        var name = terminated.ActorRef.Path.Name;
        if (_keyByWorkerName.Remove(name, out var key))
        {
            _workers.Remove(key);
            _deleting.Remove(key);
        }

        Drain();
    }
}
