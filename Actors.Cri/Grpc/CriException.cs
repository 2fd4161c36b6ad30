namespace Actors.Cri.Grpc;

/// <summary>
/// A failed CRI call: the gRPC status the runtime (or our transport) reported, and its message.
/// Every runtime behind <c>IRuntimeService</c>/<c>IImageService</c> (remote CRI or the local process
/// runtime) reports failures with this type, so callers branch on <see cref="StatusCode"/> only:
/// an unknown id is <see cref="GrpcStatusCode.NotFound"/>, an unreachable socket
/// <see cref="GrpcStatusCode.Unavailable"/>, an expired per-call deadline
/// <see cref="GrpcStatusCode.DeadlineExceeded"/>.
/// </summary>
public sealed class CriException : Exception
{
    public CriException(GrpcStatusCode statusCode, string detail, Exception? innerException = null)
        : base(FormatMessage(statusCode, detail), innerException)
    {
        StatusCode = statusCode;
        Detail = detail;
    }

    public CriException()
        : this(GrpcStatusCode.Unknown, string.Empty)
    {
    }

    public CriException(string message)
        : this(GrpcStatusCode.Unknown, message)
    {
    }

    public CriException(string message, Exception innerException)
        : this(GrpcStatusCode.Unknown, message, innerException)
    {
    }

    /// <summary>The status code (from <c>grpc-status</c>, or assigned by the transport).</summary>
    public GrpcStatusCode StatusCode { get; }

    /// <summary>The decoded <c>grpc-message</c>, or our own description for transport failures.</summary>
    public string Detail { get; }

    /// <summary>The gRPC method that failed (e.g. <c>/runtime.v1.RuntimeService/Version</c>), when known.</summary>
    public string? Method { get; init; }

    private static string FormatMessage(GrpcStatusCode code, string detail) =>
        detail.Length == 0 ? $"CRI call failed: {code}" : $"CRI call failed: {code}: {detail}";
}
