using Actors.Cloud.ApiServer;
using Actors.Kernel.Actor;
using Actors.Kernel.Configuration;
using Actors.Kernel.Modules;

namespace Actors.Cloud.Host;

/// <summary>
/// <c>/user/cloudcore</c>: the parent of cloudcore's components. It starts the embedded Kubernetes API server
/// (when no kubeconfig is configured and <c>cloudcore.modules.apiserver.enable</c> is on), then the module bus
/// (<c>/user/modules</c>) with the modules listed in <see cref="CloudModules"/>.
/// </summary>
public sealed class CloudRootActor : ReceiveActor
{
    private readonly CloudCoreOptions _options;
    private readonly Config _config;

    public CloudRootActor(CloudCoreOptions options, Config config)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _config = config ?? throw new ArgumentNullException(nameof(config));
        Receive<Terminated>(_ => Context.Stop(Self));
    }

    /// <summary>Whether this configuration runs the embedded API server.</summary>
    public static bool UsesEmbeddedApiServer(CloudCoreOptions options) =>
        options is not null && options.ApiServerEnable && string.IsNullOrWhiteSpace(options.Kubeconfig);

    protected override void PreStart()
    {
        if (UsesEmbeddedApiServer(_options))
        {
            var serverOptions = new EmbeddedApiServerOptions
            {
                DataDir = _options.DataDir,
                Listen = EmbeddedApiServerOptions.ParseListen(_options.ApiServerListen),
            };
            Context.ActorOf(Props.Create(() => new EmbeddedApiServerActor(serverOptions)), "apiserver");
        }

        var bus = ModuleHost.Start(Context.System, CloudModules.Create(_config), CloudModules.BusOptions(_config));
        Context.Watch(bus.Ref);
    }
}
