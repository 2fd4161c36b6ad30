using Actors.Kernel.Actor;
using Actors.Kernel.Diagnostics;

namespace Actors.Kernel.Modules;

/// <summary>
/// What a module supervisor reports about its module: readiness in the <see cref="HealthRegistry"/> (component
/// <c>module/&lt;name&gt;</c>) and the metrics <c>edgeactors_module_up</c>, <c>edgeactors_module_restarts_total</c>,
/// <c>edgeactors_module_messages_total</c>, <c>edgeactors_module_buffered_messages</c> and (through
/// <see cref="ModuleMailboxes"/>) <c>edgeactors_module_mailbox_messages</c>.
/// </summary>
internal sealed class ModuleVitals
{
    private readonly HealthRegistry _health;
    private readonly string _component;
    private readonly MetricCell _up;
    private readonly MetricCell _restarts;
    private readonly MetricCell _messages;
    private readonly MetricCell _buffered;
    private readonly ModuleMailboxes _mailboxes;
    private readonly string _module;

    public ModuleVitals(ActorSystem system, string module)
    {
        _health = HealthRegistry.Get(system);
        _component = "module/" + module;
        var metrics = MetricsRegistry.Get(system);
        _up = metrics.Gauge("edgeactors_module_up", "1 while the module's current incarnation runs, 0 while it is down.", "module").WithLabels(module);
        _restarts = metrics.Counter("edgeactors_module_restarts_total", "Restarts of a module after a failure.", "module").WithLabels(module);
        _messages = metrics.Counter("edgeactors_module_messages_total", "Messages the bus delivered to a module.", "module").WithLabels(module);
        _buffered = metrics.Gauge("edgeactors_module_buffered_messages", "Messages held for a module while it restarts.", "module").WithLabels(module);
        _mailboxes = ModuleMailboxes.Get(system);
        _module = module;
        _health.Expect(_component);
    }

    public void Started(IActorRef incarnation)
    {
        _mailboxes.Set(_module, incarnation);
        _up.Set(1);
        _buffered.Set(0);
        _health.Report(_component, true, "running");
    }

    public void Restarting(int restart)
    {
        _up.Set(0);
        _restarts.Inc();
        _health.Report(_component, false, "restarting after a failure (restart " + restart + ")");
    }

    public void GivenUp(int restarts)
    {
        _up.Set(0);
        _health.Report(_component, false, "given up after " + restarts + " restarts");
    }

    public void Delivered() => _messages.Inc();

    public void Buffered(int count) => _buffered.Set(count);

    public void Stopped()
    {
        _health.Remove(_component);
        _mailboxes.Remove(_module);
    }
}
