using System.Net.Sockets;
using Actors.Cri.Grpc;
using Actors.Cri.Runtime;

namespace Actors.Edge.Modules.EdgeD.Prober;

/// <summary>Runs one probe once: exec (exit code 0), HTTP GET (status 200-399), TCP connect. Never throws for a failed check.</summary>
internal sealed class ProbeRunner(IRuntimeService runtime, HttpClient http)
{
    /// <summary>Ok when the check passed; otherwise Detail says why it failed.</summary>
    public async Task<(bool Ok, string Detail)> RunAsync(ProbeModel probe, string containerId, string podIp, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(probe.Timeout);
        try
        {
            return probe.Action switch
            {
                ProbeAction.Exec => await ExecAsync(probe, containerId, cancellationToken),
                ProbeAction.HttpGet => await HttpAsync(probe, podIp, timeout.Token),
                _ => await TcpAsync(probe, podIp, timeout.Token),
            };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (false, $"timed out after {probe.Timeout.TotalSeconds:0}s");
        }
        catch (Exception e) when (e is HttpRequestException or SocketException or CriException or IOException)
        {
            return (false, e.Message);
        }
    }

    private async Task<(bool, string)> ExecAsync(ProbeModel probe, string containerId, CancellationToken cancellationToken)
    {
        var result = await runtime.ExecSyncAsync(containerId, probe.Command, probe.Timeout, cancellationToken);
        return result.ExitCode == 0 ? (true, string.Empty) : (false, $"command exited with {result.ExitCode}");
    }

    private async Task<(bool, string)> HttpAsync(ProbeModel probe, string podIp, CancellationToken cancellationToken)
    {
        var host = probe.Host.Length > 0 ? probe.Host : podIp;
        var uri = new UriBuilder(probe.Scheme.ToLowerInvariant() is "https" ? "https" : "http", host, probe.Port, probe.Path).Uri;
        using var response = await http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var code = (int)response.StatusCode;
        return code is >= 200 and < 400 ? (true, string.Empty) : (false, $"HTTP probe failed with statuscode: {code}");
    }

    private static async Task<(bool, string)> TcpAsync(ProbeModel probe, string podIp, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(probe.Host.Length > 0 ? probe.Host : podIp, probe.Port, cancellationToken);
        return (true, string.Empty);
    }
}
