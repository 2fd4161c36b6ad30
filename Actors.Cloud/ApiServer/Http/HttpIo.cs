using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Actors.Cloud.ApiServer.Patch;
using Microsoft.AspNetCore.Http;

namespace Actors.Cloud.ApiServer.Http;

/// <summary>Request body reading (size-limited, JSON or YAML) and JSON response writing.</summary>
public static class HttpIo
{
    public static async Task WriteJsonAsync(HttpContext ctx, int code, JsonNode body, string contentType = "application/json")
    {
        ctx.Response.StatusCode = code;
        ctx.Response.ContentType = contentType;
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        ctx.Response.ContentLength = bytes.Length;
        await ctx.Response.Body.WriteAsync(bytes, ctx.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Writes a list whose items are already-serialized JSON objects.</summary>
    public static async Task WriteRawListAsync(HttpContext ctx, string kind, string apiVersion, JsonObject meta, IReadOnlyList<string> items)
    {
        ctx.Response.StatusCode = 200;
        ctx.Response.ContentType = "application/json";
        var head = new JsonObject { ["kind"] = kind, ["apiVersion"] = apiVersion, ["metadata"] = meta }.ToJsonString();
        var builder = new StringBuilder(head.Length + items.Sum(i => i.Length + 1) + 16);
        builder.Append(head, 0, head.Length - 1).Append(",\"items\":[");
        for (var i = 0; i < items.Count; i++)
        {
            builder.Append(i == 0 ? string.Empty : ",").Append(items[i]);
        }

        builder.Append("]}");
        var bytes = Encoding.UTF8.GetBytes(builder.ToString());
        ctx.Response.ContentLength = bytes.Length;
        await ctx.Response.Body.WriteAsync(bytes, ctx.RequestAborted).ConfigureAwait(false);
    }

    public static Task WriteStatusAsync(HttpContext ctx, ApiException e) => WriteJsonAsync(ctx, e.Code, e.ToStatus());

    /// <summary>Reads the body, refusing more than <paramref name="maxBytes"/> with 413 RequestEntityTooLarge.</summary>
    public static async Task<byte[]> ReadBodyAsync(HttpContext ctx, long maxBytes)
    {
        if (ctx.Request.ContentLength > maxBytes)
        {
            throw TooLarge(maxBytes);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = await ctx.Request.Body.ReadAsync(chunk, ctx.RequestAborted).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw TooLarge(maxBytes);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>Parses a body as JSON, or as YAML for YAML content types (and apply patches that are not JSON).</summary>
    public static JsonNode ParseBody(byte[] body, string? contentType)
    {
        if (body.Length == 0)
        {
            throw ApiException.BadRequest("the request body is empty");
        }

        var media = (contentType ?? "application/json").Split(';')[0].Trim().ToLowerInvariant();
        if (media == "application/vnd.kubernetes.protobuf")
        {
            return ProtobufBodies.Decode(body);
        }

        if (media.Contains("protobuf", StringComparison.Ordinal) || media.Contains("cbor", StringComparison.Ordinal))
        {
            throw new ApiException(415, "UnsupportedMediaType", "the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf");
        }

        var text = Encoding.UTF8.GetString(body);
        var looksJson = text.TrimStart().StartsWith('{') || text.TrimStart().StartsWith('[');
        try
        {
            if (!looksJson && (media.Contains("yaml", StringComparison.Ordinal)))
            {
                return YamlJson.Parse(text) ?? throw ApiException.BadRequest("the YAML document is empty");
            }

            return JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = 200 })
                ?? throw ApiException.BadRequest("the request body is null");
        }
        catch (JsonException e)
        {
            throw ApiException.BadRequest("the request body is not valid JSON: " + e.Message);
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw ApiException.BadRequest("the request body is not valid YAML: " + e.Message);
        }
    }

    public static string? Query(HttpContext ctx, string name) =>
        ctx.Request.Query.TryGetValue(name, out var v) && v.Count > 0 ? v[^1] : null;

    public static bool QueryBool(HttpContext ctx, string name) => Query(ctx, name) is "1" or "true" or "True";

    public static long? QueryLong(HttpContext ctx, string name)
    {
        var text = Query(ctx, name);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
            ? n : throw ApiException.BadRequest($"invalid value for {name}: \"{text}\"");
    }

    private static ApiException TooLarge(long max) =>
        new(413, "RequestEntityTooLarge", $"the request body is larger than the limit of {max} bytes");
}
