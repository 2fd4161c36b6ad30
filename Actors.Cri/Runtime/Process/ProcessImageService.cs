using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Runtime.V1;

namespace Actors.Cri.Runtime.Process;

/// <summary>
/// <see cref="IImageService"/> of the process runtime: images are names only. A pull or a created
/// container records the name; nothing is downloaded, and an image's id is the SHA-256 of its name
/// (not of any content). Sizes are 0. The image filesystem is the runtime's root directory.
/// </summary>
public sealed class ProcessImageService : IImageService
{
    private readonly ConcurrentDictionary<string, Image> _images = new(StringComparer.Ordinal);
    private readonly string _root;
    private readonly TimeProvider _time;

    internal ProcessImageService(string root, TimeProvider time)
    {
        _root = root;
        _time = time;
    }

    public Task<IReadOnlyList<Image>> ListImagesAsync(ImageFilter? filter = null, CancellationToken cancellationToken = default)
    {
        var wanted = filter?.Image?.Image;
        IReadOnlyList<Image> list = _images.Values
            .Where(i => string.IsNullOrEmpty(wanted) || Matches(i, wanted))
            .OrderBy(i => i.RepoTags[0], StringComparer.Ordinal)
            .Select(i => i.Clone())
            .ToList();
        return Task.FromResult(list);
    }

    public Task<Image?> ImageStatusAsync(string image, CancellationToken cancellationToken = default) =>
        Task.FromResult(Find(image)?.Clone());

    public Task<string> PullImageAsync(string image, AuthConfig? auth = null, PodSandboxConfig? sandboxConfig = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(Record(image));

    public Task RemoveImageAsync(string image, CancellationToken cancellationToken = default)
    {
        if (Find(image) is { } found)
        {
            _images.TryRemove(found.RepoTags[0], out _);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<FilesystemUsage>> ImageFsInfoAsync(CancellationToken cancellationToken = default)
    {
        long bytes = 0, inodes = 0;
        if (Directory.Exists(_root))
        {
            foreach (var entry in new DirectoryInfo(_root).EnumerateFileSystemInfos("*", SearchOption.AllDirectories))
            {
                inodes++;
                bytes += entry is FileInfo file ? file.Length : 0;
            }
        }

        var usage = new FilesystemUsage
        {
            Timestamp = UnixNanos.Now(_time),
            FsId = new FilesystemIdentifier { Mountpoint = _root },
            UsedBytes = new UInt64Value { Value = (ulong)bytes },
            InodesUsed = new UInt64Value { Value = (ulong)inodes },
        };
        return Task.FromResult<IReadOnlyList<FilesystemUsage>>([usage]);
    }

    /// <summary>Records <paramref name="name"/> (idempotent) and returns its image id.</summary>
    internal string Record(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new Grpc.CriException(Grpc.GrpcStatusCode.InvalidArgument, "image name is empty");
        }

        return _images.GetOrAdd(name, static n =>
        {
            var image = new Image { Id = IdOf(n), Size = 0, Spec = new ImageSpec { Image = n } };
            image.RepoTags.Add(n);
            return image;
        }).Id;
    }

    internal static string IdOf(string name) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)));

    private Image? Find(string nameOrId) =>
        _images.TryGetValue(nameOrId, out var byName) ? byName : _images.Values.FirstOrDefault(i => Matches(i, nameOrId));

    private static bool Matches(Image image, string nameOrId) =>
        image.RepoTags[0] == nameOrId || image.Id == nameOrId || image.Id == "sha256:" + nameOrId;
}
