using Actors.Kernel.Actor;

namespace Actors.Kernel.Modules;

/// <summary>
/// Starts the module bus: one bus actor (<c>/user/modules</c> by default) whose children are the enabled modules,
/// each under its own backoff supervisor. Hosts register their modules by hand in their composition root.
/// </summary>
public static class ModuleHost
{
    /// <summary>Validates the modules and starts the bus; returns the handle every module also receives.</summary>
    /// <exception cref="ArgumentException">Duplicate or empty names, empty groups, an invalid restart policy, or a restart buffer capacity below 1.</exception>
    public static ModuleBus Start(ActorSystem system, IEnumerable<IModule> modules, ModuleHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(modules);
        ArgumentNullException.ThrowIfNull(options);
        if (options.RestartBufferCapacity < 1)
        {
            throw new ArgumentException("RestartBufferCapacity must be >= 1", nameof(options));
        }

        var list = modules.ToList();
        var errors = Validate(list);
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid modules: " + string.Join("; ", errors), nameof(modules));
        }

        var bus = system.ActorOf(Props.Create(() => new ModuleBusActor(list, options)), options.ActorName);
        return new ModuleBus(bus, options.Correlation, options.SyncTimeout);
    }

    /// <summary>Adds a module to a running bus (same checks as at start; a duplicate name is logged and ignored).</summary>
    public static void Register(ModuleBus bus, IModule module)
    {
        ArgumentNullException.ThrowIfNull(bus);
        ArgumentNullException.ThrowIfNull(module);
        var errors = Validate([module]);
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid module: " + string.Join("; ", errors), nameof(module));
        }

        bus.Ref.Tell(new RegisterModuleCommand(module), ActorRefs.NoSender);
    }

    private static List<string> Validate(List<IModule> modules)
    {
        var errors = new List<string>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var module in modules)
        {
            if (string.IsNullOrWhiteSpace(module.Name) || module.Name.Contains('/', StringComparison.Ordinal) || module.Name.StartsWith('$'))
            {
                errors.Add("module name '" + module.Name + "' is not a valid actor name");
            }
            else if (!names.Add(module.Name))
            {
                errors.Add("module name '" + module.Name + "' is registered twice");
            }

            if (string.IsNullOrWhiteSpace(module.Group))
            {
                errors.Add("module '" + module.Name + "' has no group");
            }

            errors.AddRange(module.RestartPolicy.Validate().Select(e => "module '" + module.Name + "': " + e));
        }

        return errors;
    }
}
