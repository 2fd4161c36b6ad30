using Runtime.V1;

namespace Actors.Cri.Runtime;

/// <summary>
/// The image half of the CRI: list, inspect, pull and remove images, and the image filesystem's
/// usage (for image garbage collection). Uses the generated CRI types, like
/// <see cref="IRuntimeService"/>, and reports failures as <see cref="Grpc.CriException"/>.
/// </summary>
public interface IImageService
{
    /// <summary>Images matching <paramref name="filter"/> (all when null).</summary>
    Task<IReadOnlyList<Image>> ListImagesAsync(ImageFilter? filter = null, CancellationToken cancellationToken = default);

    /// <summary>The image named by <paramref name="image"/> (name, tag or id), or null when it is not present.</summary>
    Task<Image?> ImageStatusAsync(string image, CancellationToken cancellationToken = default);

    /// <summary>Pulls <paramref name="image"/> and returns the image reference the runtime resolved.</summary>
    Task<string> PullImageAsync(string image, AuthConfig? auth = null, PodSandboxConfig? sandboxConfig = null, CancellationToken cancellationToken = default);

    /// <summary>Removes an image. Removing an absent image is not an error.</summary>
    Task RemoveImageAsync(string image, CancellationToken cancellationToken = default);

    /// <summary>Usage of the filesystems that hold images.</summary>
    Task<IReadOnlyList<FilesystemUsage>> ImageFsInfoAsync(CancellationToken cancellationToken = default);
}
