using System.Text.Json;
using System.Text.Json.Nodes;
using Actors.Cloud.ApiServer.Discovery;
using Actors.Cloud.ApiServer.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Actors.Cloud.ApiServer.Http;

/// <summary>The single terminal middleware: authentication, discovery/OpenAPI, resource requests, Status errors.</summary>
public sealed partial class ApiHandler(ServerCredentials credentials, DiscoveryDocuments discovery, OpenApiBuilder openApi,
    ResourceEndpoint resources, ILogger<ApiHandler> logger)
{
    public async Task HandleAsync(HttpContext ctx)
    {
        try
        {
            if (!Authenticated(ctx))
            {
                throw new ApiException(401, "Unauthorized", "Unauthorized");
            }

            await RouteAsync(ctx).ConfigureAwait(false);
        }
        catch (ApiException e) when (!ctx.Response.HasStarted)
        {
            await HttpIo.WriteStatusAsync(ctx, e).ConfigureAwait(false);
        }
        catch (JsonException e) when (!ctx.Response.HasStarted)
        {
            await HttpIo.WriteStatusAsync(ctx, ApiException.BadRequest(e.Message)).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ctx.RequestAborted.IsCancellationRequested)
        {
            // The client went away.
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogFailure(logger, ctx.Request.Method, ctx.Request.Path.Value ?? string.Empty, e);
            if (!ctx.Response.HasStarted)
            {
                await HttpIo.WriteStatusAsync(ctx, new ApiException(500, "InternalError", "Internal error occurred: " + e.Message)).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "request {Method} {Path} failed")]
    private static partial void LogFailure(ILogger logger, string method, string path, Exception error);

    private bool Authenticated(HttpContext ctx)
    {
        var header = ctx.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.Ordinal) && credentials.IsValidToken(header["Bearer ".Length..].Trim());
    }

    private Task RouteAsync(HttpContext ctx)
    {
        var path = (ctx.Request.Path.Value ?? "/").TrimEnd('/');
        var accept = ctx.Request.Headers.Accept.ToString();
        switch (path)
        {
            case "/version":
                return HttpIo.WriteJsonAsync(ctx, 200, DiscoveryDocuments.Version());
            case "/healthz" or "/livez" or "/readyz":
                ctx.Response.ContentType = "text/plain";
                return ctx.Response.WriteAsync("ok", ctx.RequestAborted);
            case "/api" or "/apis":
                return DiscoveryRootAsync(ctx, path == "/api", accept);
            case "/openapi/v2":
                return OpenApiV2Async(ctx, accept);
            case "/openapi/v3":
                return HttpIo.WriteJsonAsync(ctx, 200, openApi.V3Root());
        }

        if (path.StartsWith("/openapi/v3/", StringComparison.Ordinal))
        {
            var doc = openApi.V3DocumentFor(path["/openapi/v3/".Length..]) ?? throw NotFound();
            return HttpIo.WriteJsonAsync(ctx, 200, doc);
        }

        var parts = path.Trim('/').Split('/');
        switch (parts)
        {
            case ["api", var v]:
                return HttpIo.WriteJsonAsync(ctx, 200, discovery.Resources(string.Empty, v) ?? throw NotFound());
            case ["apis", var g]:
                return HttpIo.WriteJsonAsync(ctx, 200, discovery.Group(g) ?? throw NotFound());
            case ["apis", var g, var v]:
                return HttpIo.WriteJsonAsync(ctx, 200, discovery.Resources(g, v) ?? throw NotFound());
        }

        var info = RequestInfo.Parse(path) ?? throw NotFound();
        return resources.HandleAsync(ctx, info);
    }

    private async Task OpenApiV2Async(HttpContext ctx, string accept)
    {
        var document = openApi.V2Document();
        if (accept.Contains("protobuf", StringComparison.Ordinal))
        {
            var bytes = SwaggerProtobuf.Encode(document);
            ctx.Response.StatusCode = 200;
            ctx.Response.ContentType = "application/octet-stream";
            ctx.Response.ContentLength = bytes.Length;
            await ctx.Response.Body.WriteAsync(bytes, ctx.RequestAborted).ConfigureAwait(false);
            return;
        }

        await HttpIo.WriteJsonAsync(ctx, 200, document).ConfigureAwait(false);
    }

    private Task DiscoveryRootAsync(HttpContext ctx, bool core, string accept)
    {
        foreach (var media in accept.Split(','))
        {
            if (!media.Contains("as=APIGroupDiscoveryList", StringComparison.Ordinal))
            {
                continue;
            }

            var version = media.Contains("v=v2beta1", StringComparison.Ordinal) ? "v2beta1"
                : media.Contains("v=v2", StringComparison.Ordinal) ? "v2" : null;
            if (version is not null)
            {
                return HttpIo.WriteJsonAsync(ctx, 200, discovery.Aggregated(core, "apidiscovery.k8s.io/" + version),
                    $"application/json;g=apidiscovery.k8s.io;v={version};as=APIGroupDiscoveryList");
            }
        }

        return HttpIo.WriteJsonAsync(ctx, 200, core ? discovery.CoreVersions() : discovery.Groups());
    }

    private static ApiException NotFound() => new(404, "NotFound", "the server could not find the requested resource");

    internal static JsonObject Empty() => new();
}
