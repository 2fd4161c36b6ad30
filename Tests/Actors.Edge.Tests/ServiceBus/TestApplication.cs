using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Actors.Edge.Tests.ServiceBus;

/// <summary>An HTTP application on this "node" (loopback, free port): echo, a large body, and a never-answering path.</summary>
internal sealed class TestApplication : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private TestApplication(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    public int Port { get; }

    public static async Task<TestApplication> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        TestApplication? self = null;
        app.Map("/echo", async (HttpContext c) =>
        {
            using var reader = new StreamReader(c.Request.Body);
            var body = await reader.ReadToEndAsync();
            c.Response.Headers["X-Method"] = c.Request.Method;
            c.Response.Headers["X-Trace"] = c.Request.Headers["X-Trace"].ToString();
            c.Response.StatusCode = 201;
            await c.Response.WriteAsync("echo:" + body);
        });
        app.MapGet("/large", () => Results.Text(new string('x', 4096)));
        app.MapGet("/hang", async () =>
        {
            await self!._release.Task;
            return Results.Ok();
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        self = new TestApplication(app, new Uri(address).Port);
        return self;
    }

    public async ValueTask DisposeAsync()
    {
        _release.TrySetResult();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
