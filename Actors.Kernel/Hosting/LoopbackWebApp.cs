using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Actors.Kernel.Hosting;

/// <summary>
/// A minimal Kestrel app on one endpoint (no framework logging, no configuration files): what the hosts' small local
/// HTTP servers share. Returns the started app and its real address (useful with port 0).
/// </summary>
public static class LoopbackWebApp
{
    /// <summary>Builds, maps and starts the app; <paramref name="maxRequestBodyBytes"/> null keeps Kestrel's default.</summary>
    public static async Task<(WebApplication App, Uri Address)> StartAsync(IPEndPoint listen, Action<WebApplication> map, long? maxRequestBodyBytes = null)
    {
        ArgumentNullException.ThrowIfNull(listen);
        ArgumentNullException.ThrowIfNull(map);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(listen);
            if (maxRequestBodyBytes is { } max)
            {
                k.Limits.MaxRequestBodySize = max;
            }
        });
        var app = builder.Build();
        map(app);
        await app.StartAsync().ConfigureAwait(false);
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        var address = bound is null ? new Uri("http://" + listen) : new Uri(bound.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        return (app, address);
    }
}
