using Actors.Kernel.Actor;
using Actors.Kernel.Event;
using Microsoft.Extensions.Logging;

namespace Actors.Kernel.Modules;

/// <summary>
/// The bus actor: owns the registry (name → module supervisor, group → names) and the pending synchronous requests.
/// Each enabled module runs under a <see cref="ModuleSupervisor"/> child named after it; the bus routes to that
/// supervisor, whose path is stable across restarts of the module.
/// </summary>
internal sealed partial class ModuleBusActor : ActorBase, IWithTimers
{
    private readonly ModuleHostOptions _options;
    private readonly IReadOnlyList<IModule> _initial;
    private readonly Dictionary<string, ModuleEntry> _modules = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _groups = new(StringComparer.Ordinal);
    private ModuleBus _bus = null!;

    public ModuleBusActor(IReadOnlyList<IModule> modules, ModuleHostOptions options)
    {
        _initial = modules;
        _options = options;
    }

    public ITimerScheduler Timers { get; set; } = null!;

    private enum ModuleState
    {
        Running,
        Disabled,
        Stopped,
    }

    protected override void PreStart()
    {
        _bus = new ModuleBus(Self, _options.Correlation, _options.SyncTimeout);
        foreach (var module in _initial)
        {
            Register(module);
        }
    }

    protected override void PostStop() => FailAllPending();

    protected override bool Receive(object message)
    {
        switch (message)
        {
            case DeliverToModule d:
                DeliverTo(d.Module, d.Message);
                return true;
            case DeliverToGroup g:
                Broadcast(g.Group, g.Message);
                return true;
            case SyncToModule s:
                StartSync(s);
                return true;
            case SyncToGroup s:
                StartGroupSync(s);
                return true;
            case RespondToCaller r:
                OnResponse(r.Response);
                return true;
            case SyncTimedOut t:
                OnTimeout(t.Id);
                return true;
            case RegisterModuleCommand r:
                Register(r.Module);
                return true;
            case Terminated t:
                OnSupervisorTerminated(t.ActorRef);
                return true;
            default:
                return false;
        }
    }

    private void Register(IModule module)
    {
        var log = Context.GetLogger();
        if (_modules.ContainsKey(module.Name))
        {
            log.LogError("Module {Module} is already registered; the second registration is ignored", module.Name);
            return;
        }

        if (!module.Enabled || _options.Disabled.Contains(module.Name))
        {
            _modules[module.Name] = new ModuleEntry(module, null, ModuleState.Disabled);
            log.LogInformation("Module {Module} (group {Group}) is disabled", module.Name, module.Group);
            return;
        }

        var supervisor = Context.Watch(Context.ActorOf(SupervisorProps(module), module.Name));
        _modules[module.Name] = new ModuleEntry(module, supervisor, ModuleState.Running);
        if (!_groups.TryGetValue(module.Group, out var members))
        {
            _groups[module.Group] = members = [];
        }

        members.Add(module.Name);
        log.LogInformation("Module {Module} (group {Group}) started", module.Name, module.Group);
    }

    private Props SupervisorProps(IModule module)
    {
        var policy = module.RestartPolicy;
        var loggerFactory = Context.System.Settings.LoggerFactory;
        var context = new ModuleContext(
            module.Name,
            module.Group,
            _bus,
            loggerFactory.CreateLogger("Actors.Modules." + module.Name),
            Context.System.TimeProvider);
        var props = module.CreateProps(context);
        if (_options.MailboxCapacity is { } capacity)
        {
            props = props.WithBoundedMailbox(capacity);
        }

        var name = module.Name;
        var bufferCapacity = _options.RestartBufferCapacity;
        var correlation = _options.Correlation;
        return Props.Create(() => new ModuleSupervisor(name, props, policy, bufferCapacity, correlation));
    }

    private void OnSupervisorTerminated(IActorRef supervisor)
    {
        foreach (var (name, entry) in _modules)
        {
            if (entry.Supervisor?.Equals(supervisor) == true)
            {
                _modules[name] = entry with { State = ModuleState.Stopped };
                _groups[entry.Module.Group].Remove(name);
                Context.GetLogger().LogError("Module {Module} stopped (gave up restarting or stopped itself); messages to it fail", name);
                return;
            }
        }
    }

    private void DeliverTo(string module, object message)
    {
        if (Resolve(module, message) is { } target)
        {
            target.Tell(message, Sender);
        }
    }

    private void Broadcast(string group, object message)
    {
        var members = Members(group, message);
        foreach (var target in members)
        {
            target.Tell(message, Sender);
        }
    }

    private IActorRef? Resolve(string module, object message)
    {
        if (!_modules.TryGetValue(module, out var entry))
        {
            Fail(module, message, "no such module");
            return null;
        }

        if (entry.State != ModuleState.Running)
        {
            Fail(module, message, entry.State == ModuleState.Disabled ? "module is disabled" : "module is stopped");
            return null;
        }

        return entry.Supervisor;
    }

    private List<IActorRef> Members(string group, object message)
    {
        var targets = new List<IActorRef>();
        if (_groups.TryGetValue(group, out var names))
        {
            foreach (var name in names)
            {
                targets.Add(_modules[name].Supervisor!);
            }
        }

        if (targets.Count == 0)
        {
            Fail("group " + group, message, "no running module in the group");
        }

        return targets;
    }

    private void Fail(string target, object message, string reason)
    {
        var id = _options.Correlation.IdOf(message);
        Context.GetLogger().LogWarning("Delivery to {Target} failed: {Reason} (message {MsgId}, {MessageType})", target, reason, id, message.GetType().Name);
        Context.System.EventStream.Publish(new ModuleDeliveryFailed(target, id, reason, message));
    }

    private sealed record ModuleEntry(IModule Module, IActorRef? Supervisor, ModuleState State);
}
