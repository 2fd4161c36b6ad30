using System.Net;
using System.Net.Sockets;
using Actors.Kernel.Actor;
using Actors.Kernel.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Actors.Kernel.Configuration.Binding;

/// <summary>The host's health/metrics endpoint.</summary>
public sealed partial class HostRunner
{
    /// <summary>
    /// Starts <see cref="DiagnosticsServer"/> on 127.0.0.1 when the host defines a metrics port key with a port above 0.
    /// A port that cannot be bound is logged as an error and the host runs on without the endpoint (as kubelet does
    /// with its healthz port): health endpoints must never be the reason a node stops working.
    /// </summary>
    private async Task<DiagnosticsServer?> StartDiagnosticsAsync(ActorSystem system, Config config, ILogger logger)
    {
        if (_host.MetricsPortKey is null || !config.HasPath(_host.MetricsPortKey))
        {
            return null;
        }

        var port = config.GetInt(_host.MetricsPortKey);
        if (port <= 0)
        {
            return null;
        }

        try
        {
            var server = await DiagnosticsServer.StartAsync(system, new IPEndPoint(IPAddress.Loopback, port)).ConfigureAwait(false);
            LogDiagnostics(logger, server.Address);
            return server;
        }
        catch (Exception e) when (e is IOException or SocketException or InvalidOperationException or OperationCanceledException)
        {
            LogDiagnosticsFailed(logger, port, _host.MetricsPortKey, e.Message);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Health and metrics on {Address} (/healthz, /readyz, /metrics)")]
    private static partial void LogDiagnostics(ILogger logger, Uri address);

    [LoggerMessage(Level = LogLevel.Error, Message = "Cannot serve health and metrics on 127.0.0.1:{Port} ({Key}): {Reason}; running without them")]
    private static partial void LogDiagnosticsFailed(ILogger logger, int port, string key, string reason);
}
