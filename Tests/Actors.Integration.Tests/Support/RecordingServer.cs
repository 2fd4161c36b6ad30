using System.Net;
using System.Threading.Channels;
using Actors.Kernel.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Actors.Integration.Tests.Support;

/// <summary>
/// A real HTTP server on 127.0.0.1 (any free port) standing in for a cloud REST endpoint or an edge application:
/// every request is recorded as "METHOD path?query NodeName=… body" and answered "echo:&lt;body&gt;".
/// </summary>
internal sealed class RecordingServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<string> _requests;

    private RecordingServer(WebApplication app, Uri address, Channel<string> requests)
    {
        _app = app;
        Address = address;
        _requests = requests;
    }

    public Uri Address { get; }

    public int Port => Address.Port;

    public static async Task<RecordingServer> StartAsync()
    {
        var requests = Channel.CreateUnbounded<string>();
        var (app, address) = await LoopbackWebApp.StartAsync(new IPEndPoint(IPAddress.Loopback, 0), a => a.Map("/{**path}", (Delegate)(async (HttpContext c) =>
        {
            using var reader = new StreamReader(c.Request.Body);
            var body = await reader.ReadToEndAsync();
            await requests.Writer.WriteAsync(c.Request.Method + " " + c.Request.Path + c.Request.QueryString + " NodeName=" + c.Request.Headers["NodeName"] + " " + body);
            return Results.Text("echo:" + body);
        })));
        return new RecordingServer(app, address, requests);
    }

    /// <summary>The next recorded request that satisfies <paramref name="match"/>, or null after <paramref name="wait"/>.</summary>
    public async Task<string?> TryNextAsync(Func<string, bool> match, TimeSpan wait)
    {
        using var cts = new CancellationTokenSource(wait);
        try
        {
            while (true)
            {
                var request = await _requests.Reader.ReadAsync(cts.Token);
                if (match(request))
                {
                    return request;
                }
            }
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>The next recorded request that satisfies <paramref name="match"/>.</summary>
    public async Task<string> NextAsync(Func<string, bool> match, TimeSpan deadline, string what, Func<string> context)
    {
        using var cts = new CancellationTokenSource(deadline);
        var seen = new List<string>();
        try
        {
            while (true)
            {
                var request = await _requests.Reader.ReadAsync(cts.Token);
                seen.Add(request);
                if (match(request))
                {
                    return request;
                }
            }
        }
        catch (OperationCanceledException)
        {
            Assert.Fail(what + " did not arrive within " + deadline.TotalSeconds + " s; received: " + string.Join(" | ", seen) + "\n" + context());
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
