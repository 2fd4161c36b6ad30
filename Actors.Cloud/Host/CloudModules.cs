using Actors.Cloud.Kubernetes.Client;
using Actors.Cloud.Modules.CloudHub;
using Actors.Cloud.Modules.DeviceController;
using Actors.Cloud.Modules.EdgeController;
using Actors.Cloud.Modules.Router;
using Actors.Kernel.Configuration;
using Actors.Kernel.Modules;
using Actors.Messages.Routing;
using Actors.Messages.Wire;

namespace Actors.Cloud.Host;

/// <summary>
/// cloudcore's composition root for bus modules (CloudHub, the controllers, the router): builds each from the
/// resolved configuration. Each module adds exactly one line to <see cref="Create"/>. The embedded API server is
/// not a bus module; <see cref="CloudRootActor"/> starts it before the bus.
/// </summary>
public static class CloudModules
{
    /// <summary>The bus modules of this build, in start order.</summary>
    public static IReadOnlyList<IModule> Create(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var modules = new List<IModule>();
        var hub = CloudHubOptions.From(config).ToModuleSettings(CloudCoreOptions.From(config).DataDir);
        var controllers = ControllerOptions.From(config);
        string[] told = [Groups.EdgeController, .. controllers.DeviceControllerEnable ? [Groups.DeviceController] : Array.Empty<string>(),
            .. controllers.RouterEnable ? [Groups.Router] : Array.Empty<string>()];
        hub = hub with { Hub = hub.Hub with { ConnectEventGroups = told } };
        modules.Add(new CloudHubModule(hub));
        var api = ControllerApi(config);
        modules.Add(EdgeControllerModule.Create(ControllerOptions.From(config), api));
        modules.Add(DeviceControllerModule.Create(ControllerOptions.From(config), api));
        modules.Add(RouterModule.Create(ControllerOptions.From(config), api));
        return modules;
    }

    /// <summary>
    /// The Kubernetes client the controllers share: <c>cloudcore.kubeconfig</c> when set; else the kubeconfig the
    /// embedded API server writes to <c>&lt;data-dir&gt;/kubeconfig</c> once it is up (the controllers wait for it); else,
    /// with the embedded server off, the pod's service account (in-cluster).
    /// </summary>
    public static ApiClientSource ControllerApi(Config config)
    {
        var core = CloudCoreOptions.From(config);
        var controllers = ControllerOptions.From(config);
        var path = core.ApiSource switch
        {
            KubernetesApiSource.Kubeconfig => core.Kubeconfig,
            KubernetesApiSource.Embedded => Path.Combine(core.DataDir, "kubeconfig"),
            _ => ApiClientSource.InCluster,
        };
        return new ApiClientSource(path, new KubernetesClientOptions { Qps = controllers.KubeApiQps, Burst = controllers.KubeApiBurst });
    }

    /// <summary>Bus options: KubeEdge envelope correlation and the modules disabled in configuration.</summary>
    public static ModuleHostOptions BusOptions(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var correlation = new ModuleCorrelation(EnvelopeCorrelation.IdOf, EnvelopeCorrelation.ParentIdOf, EnvelopeCorrelation.MarkSync);
        return ModuleHostOptions.ForHost(correlation, CloudHost.Modules, [.. CloudHost.EnabledModules(config)]);
    }
}
