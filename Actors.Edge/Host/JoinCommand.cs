using System.Globalization;
using Actors.Edge.Modules.EdgeHub.Security;
using Microsoft.Extensions.Logging.Abstractions;

namespace Actors.Edge.Host;

/// <summary>
/// <c>edgecore join --cloud HOST[:PORT] --token TOKEN [--node-name NAME] [--data-dir DIR] [--config FILE] [--cert-port N] [--no-start]</c>:
/// obtains this node's certificate from cloudcore's certificate service with the join token (the CA is accepted only
/// if its SHA-256 matches the token), writes a config that points EdgeHub at the cloud with those files, then runs
/// edgecore with it (unless <c>--no-start</c>). Exit 2 for bad arguments, 1 when the join fails.
/// </summary>
public static class JoinCommand
{
    private const string Usage = "usage: edgecore join --cloud HOST[:PORT] --token TOKEN [--node-name NAME] [--data-dir DIR] [--config FILE] [--cert-port N] [--no-start]";

    public static int Run(string[] args) => RunAsync(args, Console.Out, Console.Error).GetAwaiter().GetResult();

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (!JoinArguments.TryParse(args, out var join, out var error))
        {
            await stderr.WriteLineAsync("edgecore join: " + error + "\n" + Usage).ConfigureAwait(false);
            return 2;
        }

        var certs = Path.Combine(join.DataDir, "certs");
        var options = EdgeCertificateOptions.InDirectory(join.CertificateServer, join.NodeName, join.Token, certs);
        try
        {
            var manager = new EdgeCertificateManager(options, TimeProvider.System, NullLogger<EdgeCertificateManager>.Instance);
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            using var credentials = await manager.EnsureAsync(cts.Token).ConfigureAwait(false);
            await stdout.WriteLineAsync(string.Format(CultureInfo.InvariantCulture,
                "joined as {0}: certificate valid until {1:u}, files in {2}", join.NodeName, credentials.Certificate.NotAfter.ToUniversalTime(), certs)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is EdgeCertificateException or HttpRequestException or OperationCanceledException or IOException)
        {
            await stderr.WriteLineAsync("edgecore join: " + e.Message).ConfigureAwait(false);
            return 1;
        }

        WriteConfig(join, options);
        await stdout.WriteLineAsync("config written to " + join.ConfigFile).ConfigureAwait(false);
        return join.NoStart ? 0 : RunCommand.Run(["--config", join.ConfigFile]);
    }

    private static void WriteConfig(JoinArguments join, EdgeCertificateOptions certs)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(join.ConfigFile))!);
        var text = string.Join('\n',
            "# Written by `edgecore join` for node " + join.NodeName + "; edit freely, `edgecore run --config` reads it.",
            "edgecore {",
            "  node-name = " + Quote(join.NodeName),
            "  data-dir = " + Quote(join.DataDir),
            "  modules.edgehub {",
            "    server = " + Quote(join.HubServer.ToString().TrimEnd('/')),
            "    https-server = " + Quote(join.CertificateServer.ToString().TrimEnd('/')),
            "    token = " + Quote(join.Token),
            "    tls-ca-file = " + Quote(certs.CaFile),
            "    tls-cert-file = " + Quote(certs.CertFile),
            "    tls-key-file = " + Quote(certs.KeyFile),
            "  }",
            "}",
            string.Empty);
        File.WriteAllText(join.ConfigFile, text);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(join.ConfigFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
