using System.Diagnostics.CodeAnalysis;
using System.Net;
using Actors.Cloud.Modules.CloudHub.Security;
using Actors.Cloud.Modules.CloudHub.Server;
using Actors.Cloud.Modules.CloudHub.Sessions;
using Actors.Kernel.Actor;
using Actors.Kernel.Configuration.Binding;
using Actors.Kernel.Modules;
using Actors.Messages.Bus;
using Actors.Messages.CloudHub;
using Actors.Messages.Routing;
using Microsoft.Extensions.Logging;

namespace Actors.Cloud.Modules.CloudHub;

/// <summary>
/// Root actor of the CloudHub module. It loads or creates the CA (data dir <c>ca/</c>), opens the ACK store, starts the
/// <see cref="CloudHubActor"/> and then the WebSocket server and the certificate service. Downstream: a
/// <see cref="BusMessage"/> whose resource is <c>node/&lt;id&gt;/…</c> becomes a <see cref="DownstreamMessage"/>.
/// Upstream: <see cref="CloudHubUpstream"/> is sent to its module or group, responses answer SendSync callers.
/// A listener that cannot start (port in use, unreadable CA) shuts cloudcore down with a reason.
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "The store, servers and CA are disposed in PostStop, the actor's end of life.")]
public sealed partial class CloudHubModuleActor : ReceiveActor
{
    private readonly CloudHubModuleSettings _settings;
    private readonly ModuleBus _bus;
    private readonly ILogger _log;
    private CloudSecurity? _security;
    private SqliteAckStore? _acks;
    private IActorRef _hub = ActorRefs.Nobody;
    private CloudHubServer? _server;
    private CertificateServer? _certificates;

    public CloudHubModuleActor(CloudHubModuleSettings settings, ModuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _bus = context.Bus;
        _log = context.Logger;
        Receive<BusMessage>(OnDownstream);
        Receive<CloudHubUpstream>(OnUpstream);
        ReceiveAsync<StartListeners>(_ => StartListenersAsync());
        Receive<GetConnectedNodes>(m => _hub.Forward(m));
        Receive<GetAckedObjects>(m => Sender.Tell(new AckedObjects(m.NodeId, _acks?.AckedObjects(m.NodeId) ?? []), Self));
        Receive<GetCloudHubEndpoints>(_ => Sender.Tell(new CloudHubEndpoints(_server?.BoundPort ?? 0, _certificates?.BoundPort ?? 0)));
    }

    protected override void PreStart()
    {
        var loggers = Context.System.Settings.LoggerFactory;
        Directory.CreateDirectory(_settings.DataDir);
        _security = CloudSecurity.Create(_settings.AuthorityOptions(), Context.System.TimeProvider, loggers);
        _acks = new SqliteAckStore(Path.Combine(_settings.DataDir, CloudHubModuleSettings.AckDatabaseName));
        _hub = Context.ActorOf(CloudHubActor.Props(Self, _settings.Hub, _acks), "hub");
        Self.Tell(StartListeners.Instance);
    }

    protected override void PostStop()
    {
        // Kestrel's stop is bounded by its shutdown timeout; blocking keeps the ports released before termination.
        _server?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _certificates?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _server = null;
        _certificates = null;
        _acks?.Dispose();
        _security?.Dispose();
    }

    private async Task StartListenersAsync()
    {
        var security = _security!;
        var loggers = Context.System.Settings.LoggerFactory;
        var hub = _settings.Hub;
        var where = string.Empty;
        try
        {
            if (_settings.HttpsEnable)
            {
                where = "certificate service on " + _settings.HttpsAddress + ":" + _settings.HttpsPort;
                var certificates = security.CreateServer();
                await certificates.StartAsync(new CertificateServerOptions(_settings.HttpsAddress, _settings.HttpsPort)).ConfigureAwait(false);
                _certificates = certificates;
                LogListening(_log, "certificate service", certificates.BoundPort);
            }

            if (_settings.WebSocketEnable)
            {
                where = "WebSocket server on " + hub.ListenAddress + ":" + hub.Port;
                var serverCert = hub.AllowInsecure ? null : security.Issuer.IssueServerCertificate(
                    new[] { hub.ListenAddress, IPAddress.Loopback }.Distinct(), ["localhost"], TimeSpan.FromDays(100 * 364));
                var server = new CloudHubServer(_hub, hub, serverCert, hub.AllowInsecure ? null : security.Validator, loggers);
                await server.StartAsync().ConfigureAwait(false);
                _server = server;
                LogListening(_log, "WebSocket server", server.BoundPort);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException
                                      or System.Net.Sockets.SocketException or ArgumentException)
        {
            var message = "CloudHub could not start its " + where + ": " + e.Message;
            LogStartFailed(_log, message);
            var shutdown = CoordinatedShutdown.Get(Context.System);
            // A start interrupted by a shutdown already under way (SIGTERM during start-up) is not a failure.
            if (shutdown.ShutdownReason is null)
            {
                _ = shutdown.Run(new HostFailureReason(message));
            }
        }
    }

    private void OnDownstream(BusMessage message)
    {
        var envelope = message.Envelope;
        var node = ResourcePaths.NodeIdOf(envelope.Route.Resource);
        if (string.IsNullOrEmpty(node))
        {
            LogNoNode(_log, envelope.Header.MsgId, envelope.Route.Resource);
            return;
        }

        _hub.Tell(new DownstreamMessage(node, envelope), Sender);
    }

    private void OnUpstream(CloudHubUpstream message)
    {
        var dispatch = message.Dispatch;
        switch (dispatch.Kind)
        {
            case UpstreamDispatchKind.Module:
                _bus.Send(dispatch.Target, new BusMessage(dispatch.Envelope));
                break;
            case UpstreamDispatchKind.Group:
                _bus.SendToGroup(dispatch.Target, new BusMessage(dispatch.Envelope));
                break;
            case UpstreamDispatchKind.Response:
                _bus.SendResponse(new BusMessage(dispatch.Envelope));
                break;
            default:
                LogUnanswered(_log, message.NodeId, dispatch.Kind, dispatch.Envelope.Route.Resource);
                break;
        }
    }

    private sealed class StartListeners
    {
        public static StartListeners Instance { get; } = new();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "CloudHub {What} bound to port {Port}")]
    private static partial void LogListening(ILogger logger, string what, int port);

    [LoggerMessage(Level = LogLevel.Critical, Message = "{Problem}")]
    private static partial void LogStartFailed(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "CloudHub dropped message {MsgId}: resource {Resource} names no node")]
    private static partial void LogNoNode(ILogger logger, string msgId, string resource);

    [LoggerMessage(Level = LogLevel.Warning, Message = "node {Node}: {Kind} message for {Resource} has no handler in this build, dropped")]
    private static partial void LogUnanswered(ILogger logger, string node, UpstreamDispatchKind kind, string resource);
}
