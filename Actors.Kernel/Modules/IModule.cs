using Actors.Kernel.Actor;

namespace Actors.Kernel.Modules;

/// <summary>
/// A module on the module bus (beehive's <c>Module</c>): a named actor subtree in a group, started by the
/// <see cref="ModuleHost"/> under a backoff supervisor that applies <see cref="RestartPolicy"/>.
/// </summary>
public interface IModule
{
    /// <summary>The module's unique name (the unicast address, e.g. <c>metamanager</c>); a valid actor name.</summary>
    string Name { get; }

    /// <summary>The module's group (the broadcast address, e.g. <c>meta</c>).</summary>
    string Group { get; }

    /// <summary>False: the module is not started and deliveries to it fail.</summary>
    bool Enabled { get; }

    /// <summary>How the module is restarted when it fails (KubeEdge's ModuleRestartPolicy).</summary>
    ModuleRestartPolicy RestartPolicy => ModuleRestartPolicy.Default;

    /// <summary>Props of the module's root actor; called once per start, the props are re-used on every restart.</summary>
    Props CreateProps(ModuleContext context);
}
