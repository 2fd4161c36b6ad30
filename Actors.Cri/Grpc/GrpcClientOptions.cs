namespace Actors.Cri.Grpc;

/// <summary>Settings of one <see cref="GrpcUnaryClient"/>.</summary>
public sealed record GrpcClientOptions
{
    /// <summary>Default largest message accepted or sent: 16 MiB, as kubelet uses for CRI.</summary>
    public const int DefaultMaxMessageSize = 16 * 1024 * 1024;

    /// <summary>Deadline of a call when the caller gives none.</summary>
    public TimeSpan DefaultTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Time allowed to open the unix socket connection.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Largest response message accepted (bytes).</summary>
    public int MaxReceiveMessageSize { get; init; } = DefaultMaxMessageSize;

    /// <summary>Largest request message sent (bytes).</summary>
    public int MaxSendMessageSize { get; init; } = DefaultMaxMessageSize;
}
