using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using Actors.Cloud.ApiServer;

namespace Actors.Cloud.Tests.ApiServer;

/// <summary>A fresh embedded API server on 127.0.0.1:0 in its own temp data dir, with a kubectl runner and an HTTPS client.</summary>
public sealed class ApiServerHarness : IAsyncDisposable
{
    private readonly List<HttpClient> _clients = [];

    private ApiServerHarness(string dataDir, EmbeddedApiServer server)
    {
        DataDir = dataDir;
        Server = server;
    }

    public string DataDir { get; }

    public EmbeddedApiServer Server { get; private set; }

    public static async Task<ApiServerHarness> StartAsync(
        Func<EmbeddedApiServerOptions, EmbeddedApiServerOptions>? configure = null, string? dataDir = null, TimeProvider? time = null)
    {
        dataDir ??= Directory.CreateTempSubdirectory("apiserver-test-").FullName;
        var options = new EmbeddedApiServerOptions { DataDir = dataDir, Listen = new IPEndPoint(IPAddress.Loopback, 0) };
        var server = new EmbeddedApiServer(configure?.Invoke(options) ?? options, time: time);
        await server.StartAsync();
        return new ApiServerHarness(dataDir, server);
    }

    /// <summary>Stops the server and starts a new one on the same data dir (a restart).</summary>
    public async Task RestartAsync(Func<EmbeddedApiServerOptions, EmbeddedApiServerOptions>? configure = null)
    {
        await Server.DisposeAsync();
        foreach (var c in _clients)
        {
            c.Dispose();
        }

        _clients.Clear();
        var options = new EmbeddedApiServerOptions { DataDir = DataDir, Listen = new IPEndPoint(IPAddress.Loopback, 0) };
        Server = new EmbeddedApiServer(configure?.Invoke(options) ?? options);
        await Server.StartAsync();
    }

    public HttpClient Client(bool authenticated = true)
    {
        var ca = X509Certificate2.CreateFromPem(Server.CaCertificatePem);
        var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, cert, _, _) =>
            {
                if (cert is null)
                {
                    return false;
                }

                using var chain = new X509Chain();
                chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                chain.ChainPolicy.CustomTrustStore.Add(ca);
                chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                return chain.Build(cert);
            },
        };
        var client = new HttpClient(handler) { BaseAddress = Server.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
        if (authenticated)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Server.Token);
        }

        _clients.Add(client);
        return client;
    }

    public static StringContent Json(JsonNode node, string mediaType = "application/json") =>
        new(node.ToJsonString(), Encoding.UTF8, mediaType);

    public string WriteFile(string name, string content)
    {
        var path = Path.Combine(DataDir, "files", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>Runs kubectl against this server with a bounded request timeout and a hard process deadline.</summary>
    public Task<KubectlResult> KubectlAsync(string kubectl, params string[] args) => KubectlAsync(kubectl, null, args);

    public async Task<KubectlResult> KubectlAsync(string kubectl, IDictionary<string, string>? env, params string[] args)
    {
        var psi = new ProcessStartInfo(kubectl)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add("--kubeconfig=" + Server.KubeconfigPath);
        psi.ArgumentList.Add("--request-timeout=20s");
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["HOME"] = DataDir;
        psi.Environment.Remove("KUBECONFIG");
        foreach (var (k, v) in env ?? new Dictionary<string, string>())
        {
            psi.Environment[k] = v;
        }

        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"kubectl {string.Join(' ', args)} did not finish within 90 s");
        }

        return new KubectlResult(process.ExitCode, await stdout, await stderr);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var c in _clients)
        {
            c.Dispose();
        }

        await Server.DisposeAsync();
        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the temp dir is cleaned by the OS eventually.
        }
    }
}

/// <summary>The outcome of one kubectl run.</summary>
public sealed record KubectlResult(int ExitCode, string Stdout, string Stderr)
{
    public KubectlResult Ok()
    {
        Assert.True(ExitCode == 0, $"kubectl failed ({ExitCode}): {Stderr}\n{Stdout}");
        return this;
    }
}

/// <summary>The kubectl binaries to test: /usr/bin/kubectl (required) and the oldest/newest versioned ones beside it.</summary>
public static class Kubectls
{
    public const string Default = "/usr/bin/kubectl";

    public static IEnumerable<object[]> All()
    {
        yield return [Default];
        if (!File.Exists(Default))
        {
            yield break;
        }

        var dir = Path.GetDirectoryName(new FileInfo(Default).ResolveLinkTarget(true)?.FullName ?? Default)!;
        foreach (var version in new[] { "kubectl.1.27", "kubectl.1.33" })
        {
            var path = Path.Combine(dir, version);
            if (File.Exists(path))
            {
                yield return [path];
            }
        }
    }
}
