using System.Text;
using System.Text.Json;
using Actors.Cloud.Kubernetes.Models;

namespace Actors.Cloud.Kubernetes.Client;

/// <summary>Turns an error response (code + body) into a <see cref="KubernetesApiException"/>. Pure.</summary>
public static class ApiErrorDecoder
{
    private const int MaxMessageBytes = 2048;

    public static KubernetesApiException Decode(int httpCode, ReadOnlySpan<byte> body)
    {
        var status = TryReadStatus(body);
        var code = status?.Code is > 0 ? status.Code.Value : httpCode;
        var reason = string.IsNullOrEmpty(status?.Reason) ? ReasonFor(code) : status.Reason;
        var message = status?.Message ?? PlainText(body, httpCode);
        return code == 409 && reason == "Conflict"
            ? new KubernetesConflictException(message, status)
            : new KubernetesApiException(code, reason, message, status);
    }

    /// <summary>The exception for a Status carried by an ERROR watch event.</summary>
    public static KubernetesApiException FromStatus(Status? status)
    {
        var code = status?.Code ?? 500;
        var reason = string.IsNullOrEmpty(status?.Reason) ? ReasonFor(code) : status.Reason;
        var message = status?.Message ?? "the watch reported an error without a message";
        return code == 409 && reason == "Conflict"
            ? new KubernetesConflictException(message, status)
            : new KubernetesApiException(code, reason, message, status);
    }

    /// <summary>Decodes a Status object (the body of errors and of ERROR watch events), or null if it is not one.</summary>
    public static Status? TryReadStatus(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return null;
        }
        try
        {
            var status = JsonSerializer.Deserialize(body, KubernetesJsonContext.Default.Status);
            return status?.Kind == "Status" || status?.Code is not null ? status : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The reason client-go derives from a bare HTTP code.</summary>
    public static string ReasonFor(int code) => code switch
    {
        400 => "BadRequest",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "NotFound",
        405 => "MethodNotAllowed",
        406 => "NotAcceptable",
        409 => "Conflict",
        410 => "Expired",
        413 => "RequestEntityTooLarge",
        415 => "UnsupportedMediaType",
        422 => "Invalid",
        429 => "TooManyRequests",
        500 => "InternalError",
        503 => "ServiceUnavailable",
        504 => "Timeout",
        _ => "Unknown",
    };

    private static string PlainText(ReadOnlySpan<byte> body, int code)
    {
        if (body.IsEmpty)
        {
            return $"the server answered {code} with an empty body";
        }
        var text = Encoding.UTF8.GetString(body[..Math.Min(body.Length, MaxMessageBytes)]).Trim();
        return body.Length > MaxMessageBytes ? text + "..." : text;
    }
}
