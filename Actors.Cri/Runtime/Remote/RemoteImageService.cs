using Actors.Cri.Grpc;
using Google.Protobuf;
using Runtime.V1;

namespace Actors.Cri.Runtime.Remote;

/// <summary><see cref="IImageService"/> over gRPC to a CRI runtime's ImageService.</summary>
public sealed class RemoteImageService : IImageService
{
    private const string Service = "/runtime.v1.ImageService/";
    private readonly GrpcUnaryClient _client;
    private readonly TimeSpan _timeout;
    private readonly TimeSpan _pullTimeout;

    /// <summary>Uses <paramref name="client"/> (not owned); pulls get <paramref name="pullTimeout"/>.</summary>
    public RemoteImageService(GrpcUnaryClient client, TimeSpan requestTimeout, TimeSpan pullTimeout)
    {
        _client = client;
        _timeout = requestTimeout;
        _pullTimeout = pullTimeout;
    }

    public async Task<IReadOnlyList<Image>> ListImagesAsync(ImageFilter? filter = null, CancellationToken cancellationToken = default) =>
        (await CallAsync("ListImages", new ListImagesRequest { Filter = filter }, ListImagesResponse.Parser, _timeout, cancellationToken)).Images;

    public async Task<Image?> ImageStatusAsync(string image, CancellationToken cancellationToken = default)
    {
        var request = new ImageStatusRequest { Image = new ImageSpec { Image = image } };
        return (await CallAsync("ImageStatus", request, ImageStatusResponse.Parser, _timeout, cancellationToken)).Image;
    }

    public async Task<string> PullImageAsync(string image, AuthConfig? auth = null, PodSandboxConfig? sandboxConfig = null, CancellationToken cancellationToken = default)
    {
        var request = new PullImageRequest { Image = new ImageSpec { Image = image }, Auth = auth, SandboxConfig = sandboxConfig };
        return (await CallAsync("PullImage", request, PullImageResponse.Parser, _pullTimeout, cancellationToken)).ImageRef;
    }

    public Task RemoveImageAsync(string image, CancellationToken cancellationToken = default) =>
        CallAsync("RemoveImage", new RemoveImageRequest { Image = new ImageSpec { Image = image } }, RemoveImageResponse.Parser, _timeout, cancellationToken);

    public async Task<IReadOnlyList<FilesystemUsage>> ImageFsInfoAsync(CancellationToken cancellationToken = default) =>
        (await CallAsync("ImageFsInfo", new ImageFsInfoRequest(), ImageFsInfoResponse.Parser, _timeout, cancellationToken)).ImageFilesystems;

    private Task<T> CallAsync<T>(string method, IMessage request, MessageParser<T> parser, TimeSpan timeout, CancellationToken cancellationToken)
        where T : IMessage<T> =>
        _client.CallAsync(Service + method, request, parser, timeout, cancellationToken);
}
