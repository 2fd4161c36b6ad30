using Actors.Edge.Modules.EdgeHub.Outbox;
using Actors.Kernel.Actor;
using Actors.Kernel.Modules;
using Actors.Messages.Routing;

namespace Actors.Edge.Modules.EdgeHub;

/// <summary>
/// EdgeHub on the module bus: name <c>websocket</c> (as KubeEdge registers it), group <c>hub</c>. Send it
/// <c>BusMessage</c>s (unicast, group broadcast or SendSync) to reach the cloud; cloud messages arrive at the modules
/// chosen by KubeEdge's dispatch rules.
/// </summary>
public sealed class EdgeHubModule : IModule
{
    private readonly EdgeHubSettings _settings;

    /// <summary>A module with validated settings.</summary>
    /// <exception cref="ArgumentException">The settings are invalid (the message lists every problem).</exception>
    public EdgeHubModule(EdgeHubSettings settings, bool enabled = true)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Enabled = enabled;
        if (enabled && settings.Validate() is { Count: > 0 } errors)
        {
            throw new ArgumentException("Invalid EdgeHub settings: " + string.Join("; ", errors), nameof(settings));
        }

        _settings = settings;
    }

    public string Name => ModuleNames.EdgeHub;

    public string Group => Groups.Hub;

    public bool Enabled { get; }

    public ModuleRestartPolicy RestartPolicy => _settings.RestartPolicy;

    public Props CreateProps(ModuleContext context)
    {
        var settings = _settings;
        return Props.Create(() => new EdgeHubActor(
            context, settings, () => new SqliteOutboxStore(settings.OutboxPath, settings.OutboxMaxMessages)));
    }
}
