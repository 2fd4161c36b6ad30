using Actors.Cloud.Host;
using Actors.Cloud.Modules.EdgeController;
using Actors.Kernel.Actor;
using Actors.Kernel.Modules;
using Actors.Messages.Routing;

namespace Actors.Cloud.Modules.DeviceController;

/// <summary>The <c>devicecontroller</c> bus module (group <c>devicecontroller</c>).</summary>
public sealed class DeviceControllerModule(bool enabled, ApiClientSource clients) : IModule
{
    public string Name => ModuleNames.DeviceController;

    public string Group => Groups.DeviceController;

    public bool Enabled => enabled;

    /// <summary>The module as cloudcore configures it.</summary>
    public static DeviceControllerModule Create(ControllerOptions options, ApiClientSource clients)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new DeviceControllerModule(options.DeviceControllerEnable, clients);
    }

    public Props CreateProps(ModuleContext context) => Props.Create(() => new DeviceControllerActor(context, clients));
}
