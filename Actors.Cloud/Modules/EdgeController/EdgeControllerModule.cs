using Actors.Cloud.Host;
using Actors.Kernel.Actor;
using Actors.Kernel.Modules;
using Actors.Messages.Routing;

namespace Actors.Cloud.Modules.EdgeController;

/// <summary>The <c>edgecontroller</c> bus module (group <c>edgecontroller</c>).</summary>
public sealed class EdgeControllerModule(bool enabled, ApiClientSource clients, EdgeControllerSettings settings) : IModule
{
    public string Name => ModuleNames.EdgeController;

    public string Group => Groups.EdgeController;

    public bool Enabled => enabled;

    /// <summary>The module as cloudcore configures it.</summary>
    public static EdgeControllerModule Create(ControllerOptions options, ApiClientSource clients)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new EdgeControllerModule(options.EdgeControllerEnable, clients, new EdgeControllerSettings(options.UpstreamWorkers, options.InformerResync));
    }

    public Props CreateProps(ModuleContext context) => Props.Create(() => new EdgeControllerActor(context, clients, settings));
}
