using System.Net;
using Actors.Cloud.Host;
using Actors.Cloud.Modules.EdgeController;
using Actors.Kernel.Actor;
using Actors.Kernel.Modules;
using Actors.Messages.Routing;

namespace Actors.Cloud.Modules.Router;

/// <summary>The <c>router</c> bus module (group <c>router</c>; disabled by default, as in KubeEdge).</summary>
public sealed class RouterModule(bool enabled, ApiClientSource clients, RouterSettings settings) : IModule
{
    public string Name => ModuleNames.Router;

    public string Group => Groups.Router;

    public bool Enabled => enabled;

    /// <summary>The module as cloudcore configures it.</summary>
    public static RouterModule Create(ControllerOptions options, ApiClientSource clients)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new RouterModule(options.RouterEnable, clients, new RouterSettings(IPAddress.Parse(options.RouterAddress), options.RouterPort, options.RouterRestTimeout));
    }

    public Props CreateProps(ModuleContext context) => Props.Create(() => new RouterActor(context, clients, settings));
}
