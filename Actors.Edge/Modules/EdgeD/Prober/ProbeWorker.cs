using Actors.Kernel.Actor;

namespace Actors.Edge.Modules.EdgeD.Prober;

/// <summary>
/// Runs one probe of one container instance every period (first after the initial delay) and tells its parent (the
/// pod worker) a <see cref="ProbeResult"/> whenever the result flips: after <c>successThreshold</c> consecutive
/// successes or <c>failureThreshold</c> consecutive failures. Initial results: liveness succeeded, readiness and
/// startup not yet. Stops itself after a startup probe succeeds (startup probes run only until then).
/// </summary>
internal sealed class ProbeWorker : ReceiveActor, IWithTimers
{
    private readonly ProbeModel _probe;
    private readonly string _container;
    private readonly string _containerId;
    private readonly string _podIp;
    private readonly ProbeRunner _runner;
    private bool _result;
    private int _successes;
    private int _failures;

    public ProbeWorker(ProbeModel probe, string container, string containerId, string podIp, ProbeRunner runner)
    {
        _probe = probe;
        _container = container;
        _containerId = containerId;
        _podIp = podIp;
        _runner = runner;
        _result = probe.Kind == ProbeKind.Liveness;
        ReceiveAsync<Tick>(_ => ProbeAsync());
    }

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart() => Timers.StartSingleTimer("probe", new Tick(), _probe.InitialDelay);

    private async Task ProbeAsync()
    {
        var (ok, detail) = await Task.Run(() => _runner.RunAsync(_probe, _containerId, _podIp, CancellationToken.None));
        _successes = ok ? _successes + 1 : 0;
        _failures = ok ? 0 : _failures + 1;
        if (!_result && _successes >= _probe.SuccessThreshold)
        {
            _result = true;
            Context.Parent.Tell(new ProbeResult(_container, _containerId, _probe.Kind, true, string.Empty), Self);
            if (_probe.Kind == ProbeKind.Startup)
            {
                Context.Stop(Self);
                return;
            }
        }
        else if ((_result || _probe.Kind != ProbeKind.Readiness) && _failures >= _probe.FailureThreshold)
        {
            _result = false;
            _failures = 0;
            Context.Parent.Tell(new ProbeResult(_container, _containerId, _probe.Kind, false, detail), Self);
        }

        Timers.StartSingleTimer("probe", new Tick(), _probe.Period);
    }
}
