using Actors.Cloud.Kubernetes.Models;

namespace Actors.Cloud.Kubernetes.Client;

/// <summary>
/// The API server answered with an error. <see cref="Reason"/> is the Status reason when the body had
/// one (NotFound, AlreadyExists, Conflict, Invalid, Expired, ...), otherwise derived from the HTTP code.
/// </summary>
public class KubernetesApiException : Exception
{
    public KubernetesApiException(int code, string reason, string message, Status? status = null)
        : base($"{code} {reason}: {message}")
    {
        Code = code;
        Reason = reason;
        ApiMessage = message;
        Status = status;
    }

    public KubernetesApiException()
        : this(0, "Unknown", "unknown error")
    {
    }

    public KubernetesApiException(string message)
        : this(0, "Unknown", message)
    {
    }

    public KubernetesApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = "Unknown";
        ApiMessage = message;
    }

    public int Code { get; }

    public string Reason { get; }

    /// <summary>The server's message, without the code and reason prefix.</summary>
    public string ApiMessage { get; }

    /// <summary>The decoded Status body, if the server sent one.</summary>
    public Status? Status { get; }

    public bool IsNotFound => Code == 404 || Reason == "NotFound";

    public bool IsAlreadyExists => Reason == "AlreadyExists";

    public bool IsConflict => Reason == "Conflict";

    /// <summary>410 Gone / Expired: the requested resourceVersion is too old (relist).</summary>
    public bool IsGone => Code == 410 || Reason is "Expired" or "Gone";

    public bool IsInvalid => Code == 422 || Reason == "Invalid";

    public bool IsTooManyRequests => Code == 429 || Reason == "TooManyRequests";
}
