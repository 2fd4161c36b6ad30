using Actors.Cloud.ApiServer;
using Actors.Kernel.Actor;

namespace Actors.Cloud.Host;

/// <summary>
/// <c>/user/cloudcore</c>: the parent of cloudcore's components. Today it starts the embedded
/// Kubernetes API server (when no kubeconfig is configured and <c>cloudcore.modules.apiserver.enable</c>
/// is on); CloudHub and the controllers are not started by this build yet.
/// </summary>
public sealed class CloudRootActor : ReceiveActor
{
    private readonly CloudCoreOptions _options;

    public CloudRootActor(CloudCoreOptions options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
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
    }
}
