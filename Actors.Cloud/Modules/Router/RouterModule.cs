using Actors.Cloud.Kubernetes.Client;
using Actors.Kernel.Actor;
using Actors.Kernel.Modules;
using Actors.Messages.Routing;

namespace Actors.Cloud.Modules.Router;

/// <summary>
/// The Router module (KubeEdge name and group <c>router</c>; disabled by default): Rule/RuleEndpoint CRDs, the REST
/// listener, and message relays between REST and the edge's EventBus/ServiceBus.
/// </summary>
public sealed class RouterModule(bool enabled, RouterSettings settings, Func<KubernetesClient>? client, HttpClient http) : IModule
{
    /// <inheritdoc/>
    public string Name => ModuleNames.Router;

    /// <inheritdoc/>
    public string Group => Groups.Router;

    /// <inheritdoc/>
    public bool Enabled => enabled;

    /// <inheritdoc/>
    public Props CreateProps(ModuleContext context) => Props.Create(() => new RouterActor(context, settings, client, http));
}
