using Actors.Cloud.ApiServer;
using Actors.Kernel.Actor;
using Actors.Kernel.Configuration.Binding;
using Actors.Kernel.Event;
using Microsoft.Extensions.Logging;

namespace Actors.Cloud.Host;

/// <summary>
/// Owns cloudcore's embedded Kubernetes API server for the actor's lifetime: started after the
/// actor starts, stopped in <see cref="PostStop"/>. cloudcore cannot work without an API server,
/// so a server that fails to start (port in use, unreadable data directory) shuts the host down
/// with a <see cref="HostFailureReason"/> and a non-zero exit code instead of restarting in a loop.
/// </summary>
public sealed partial class EmbeddedApiServerActor : ReceiveActor
{
    private readonly EmbeddedApiServerOptions _options;
    private EmbeddedApiServer? _server;

    public EmbeddedApiServerActor(EmbeddedApiServerOptions options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        ReceiveAsync<Start>(_ => StartServerAsync());
    }

    protected override void PreStart() => Self.Tell(Start.Instance);

    protected override void PostStop()
    {
        // Kestrel's stop is bounded by its own shutdown timeout; blocking here keeps the port
        // released before the actor system reports termination.
        _server?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _server = null;
    }

    private async Task StartServerAsync()
    {
        var log = Context.GetLogger();
        var server = new EmbeddedApiServer(_options, Context.System.Settings.LoggerFactory);
        try
        {
            await server.StartAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or System.Net.Sockets.SocketException)
        {
            await server.DisposeAsync().ConfigureAwait(false);
            var message = "the embedded Kubernetes API server could not start on " + _options.Listen + ": " + e.Message;
            LogStartFailed(log, message);
            var shutdown = CoordinatedShutdown.Get(Context.System);
            if (shutdown.ShutdownReason is null)
            {
                // Not when a shutdown (SIGTERM during start-up) interrupted the start: that is not a failure.
                _ = shutdown.Run(new HostFailureReason(message));
            }

            return;
        }

        _server = server;
        LogStarted(log, server.BaseUrl, server.KubeconfigPath);
    }

    private sealed class Start
    {
        public static Start Instance { get; } = new();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "embedded Kubernetes API server serving at {Url}; kubeconfig written to {Kubeconfig}")]
    private static partial void LogStarted(ILogger logger, Uri url, string kubeconfig);

    [LoggerMessage(Level = LogLevel.Critical, Message = "{Problem}")]
    private static partial void LogStartFailed(ILogger logger, string problem);
}
