using System.Net;
using Actors.Cloud.Host;
using Actors.Cloud.Kubernetes.Client;
using Actors.Cloud.Modules.EdgeController;
using Actors.Kernel.Actor;
using Actors.Kernel.Modules;
using Actors.Messages.Routing;

namespace Actors.Cloud.Modules.Router;

/// <summary>
/// The Router module (KubeEdge name and group <c>router</c>; disabled by default): Rule/RuleEndpoint CRDs, the REST
/// listener, and message relays between REST and the edge's EventBus/ServiceBus.
/// </summary>
public sealed class RouterModule(bool enabled, RouterSettings settings, Func<CancellationToken, Task<KubernetesClient>>? client, HttpClient http) : IModule
{
    /// <summary>The module as cloudcore configures it (<c>cloudcore.modules.router</c>), sharing the controllers' API client.</summary>
    public static RouterModule Create(ControllerOptions options, ApiClientSource api)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(api);
        var address = options.RouterAddress.Length == 0 ? IPAddress.Any : IPAddress.Parse(options.RouterAddress);
        var settings = new RouterSettings(new IPEndPoint(address, options.RouterPort), options.RouterRestTimeout)
        {
            RuleStatusInterval = options.RouterRuleStatusInterval,
        };
        return new RouterModule(options.RouterEnable, settings, api.GetAsync, new HttpClient(new SocketsHttpHandler { UseProxy = false }));
    }

    /// <inheritdoc/>
    public string Name => ModuleNames.Router;

    /// <inheritdoc/>
    public string Group => Groups.Router;

    /// <inheritdoc/>
    public bool Enabled => enabled;

    /// <inheritdoc/>
    public Props CreateProps(ModuleContext context) => Props.Create(() => new RouterActor(context, settings, client, http));
}
