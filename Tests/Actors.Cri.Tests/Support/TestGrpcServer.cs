using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace Actors.Cri.Tests.Support;

/// <summary>
/// A real HTTP/2 server (Kestrel, h2c on a unix socket) whose handler the test writes, to drive
/// the gRPC client through exact responses: trailers, trailers-only errors, stalls, bad frames.
/// </summary>
internal sealed class TestGrpcServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestGrpcServer(WebApplication app, string socketPath)
    {
        _app = app;
        SocketPath = socketPath;
    }

    public string SocketPath { get; }

    public static async Task<TestGrpcServer> StartAsync(RequestDelegate handler)
    {
        var socketPath = Path.Combine(Path.GetTempPath(), $"cri-test-{Guid.NewGuid():N}.sock");
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.ListenUnixSocket(socketPath, l => l.Protocols = HttpProtocols.Http2));
        var app = builder.Build();
        app.Run(handler);
        await app.StartAsync();
        return new TestGrpcServer(app, socketPath);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        File.Delete(SocketPath);
    }
}
