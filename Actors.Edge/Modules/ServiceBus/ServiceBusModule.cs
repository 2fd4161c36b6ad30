using Actors.Edge.Host;
using Actors.Kernel.Actor;
using Actors.Kernel.Modules;
using Actors.Messages.Routing;

namespace Actors.Edge.Modules.ServiceBus;

/// <summary>
/// The ServiceBus module (KubeEdge name <c>servicebus</c>, group <c>bus</c>): REST calls from the cloud's router to
/// HTTP applications on this node, and the local server through which applications call allowed cloud URLs.
/// Its allow-list lives in <c>&lt;data-dir&gt;/servicebus.db</c>.
/// </summary>
public sealed class ServiceBusModule(ServiceBusOptions options, string dataDir, HttpClient http) : IModule
{
    /// <inheritdoc/>
    public string Name => ModuleNames.ServiceBus;

    /// <inheritdoc/>
    public string Group => Groups.Bus;

    /// <inheritdoc/>
    public bool Enabled => options.Enable;

    /// <summary>Where the allow-list is stored.</summary>
    public string DatabasePath => Path.Combine(dataDir, "servicebus.db");

    /// <inheritdoc/>
    public Props CreateProps(ModuleContext context)
    {
        var settings = new ServiceBusSettings(options.ListenEndPoint, options.CallTimeout, options.UploadTimeout, options.MaxBodyBytes, options.MaxInFlight);
        var path = DatabasePath;
        return Props.Create(() => new ServiceBusActor(context, settings, () => new SqliteTargetUrlStore(path), http));
    }
}
