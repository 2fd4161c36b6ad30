using Actors.Cri.Grpc;
using Actors.Cri.Runtime.Process;
using Actors.Cri.Runtime.Remote;

namespace Actors.Cri.Runtime;

/// <summary>
/// The runtime chosen by <see cref="CriOptions"/>: its <see cref="IRuntimeService"/> and
/// <see cref="IImageService"/>, and what they own (gRPC connections, or the local processes of
/// the process runtime, which are killed on dispose).
/// </summary>
public sealed class CriRuntime : IAsyncDisposable
{
    private readonly IAsyncDisposable[] _owned;

    private CriRuntime(CriRuntimeKind kind, IRuntimeService runtime, IImageService images, params IAsyncDisposable[] owned)
    {
        Kind = kind;
        Runtime = runtime;
        Images = images;
        _owned = owned;
    }

    /// <summary>The runtime kind in use.</summary>
    public CriRuntimeKind Kind { get; }

    /// <summary>Sandboxes, containers and exec.</summary>
    public IRuntimeService Runtime { get; }

    /// <summary>Images and image filesystem usage.</summary>
    public IImageService Images { get; }

    /// <summary>Validates <paramref name="options"/> (throws <see cref="ArgumentException"/>) and builds the runtime.</summary>
    public static CriRuntime Create(CriOptions options, TimeProvider? timeProvider = null)
    {
        options.ThrowIfInvalid();
        if (options.EffectiveRuntime == CriRuntimeKind.Process)
        {
            var process = new ProcessRuntimeService(options.ProcessRootDirectory, timeProvider ?? TimeProvider.System);
            return new CriRuntime(CriRuntimeKind.Process, process, process.Images, process);
        }

        var grpc = new GrpcClientOptions
        {
            ConnectTimeout = options.ConnectTimeout,
            DefaultTimeout = options.RequestTimeout,
            MaxReceiveMessageSize = options.MaxMessageSize,
            MaxSendMessageSize = options.MaxMessageSize,
        };
        var runtimeClient = new GrpcUnaryClient(CriOptions.SocketPath(options.Endpoint)!, grpc);
        var imagePath = CriOptions.SocketPath(options.ImageEndpoint);
        var imageClient = imagePath is null ? runtimeClient : new GrpcUnaryClient(imagePath, grpc);
        var runtime = new RemoteRuntimeService(runtimeClient, options.RequestTimeout);
        var images = new RemoteImageService(imageClient, options.RequestTimeout, options.ImagePullTimeout);
        return ReferenceEquals(imageClient, runtimeClient)
            ? new CriRuntime(CriRuntimeKind.Cri, runtime, images, new DisposableClient(runtimeClient))
            : new CriRuntime(CriRuntimeKind.Cri, runtime, images, new DisposableClient(runtimeClient), new DisposableClient(imageClient));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var owned in _owned)
        {
            await owned.DisposeAsync();
        }
    }

    private sealed class DisposableClient(GrpcUnaryClient client) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            client.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
