namespace Actors.Cri.Runtime;

/// <summary>
/// Chooses and configures the container runtime. Validate once at start-up with
/// <see cref="Validate"/> (or <see cref="ThrowIfInvalid"/>); <see cref="CriRuntime.Create"/> does.
/// </summary>
/// <remarks>
/// With no <see cref="Runtime"/> given, a configured <see cref="Endpoint"/> selects
/// <see cref="CriRuntimeKind.Cri"/> and its absence the embedded <see cref="CriRuntimeKind.Process"/>
/// runtime. The process runtime isolates nothing (no namespaces, cgroups, images or network); it
/// exists for development and for devices without a container runtime. Production uses CRI.
/// Error texts name the keys as <c>runtime</c>, <c>endpoint</c>, ... so a config loader can prefix them.
/// </remarks>
public sealed record CriOptions
{
    /// <summary>Explicit runtime choice; null picks from <see cref="Endpoint"/> (see remarks).</summary>
    public CriRuntimeKind? Runtime { get; init; }

    /// <summary>The CRI runtime socket: <c>unix:///run/containerd/containerd.sock</c> or an absolute path.</summary>
    public string? Endpoint { get; init; }

    /// <summary>The image service socket when it differs from <see cref="Endpoint"/>.</summary>
    public string? ImageEndpoint { get; init; }

    /// <summary>Time allowed to connect to the socket.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Deadline of each CRI call (kubelet's runtime-request-timeout default: 2 minutes).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Deadline of an image pull.</summary>
    public TimeSpan ImagePullTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Largest gRPC message sent or received (bytes); kubelet uses 16 MiB.</summary>
    public int MaxMessageSize { get; init; } = 16 * 1024 * 1024;

    /// <summary>Directory of the process runtime's sandboxes, metadata and default logs.</summary>
    public string ProcessRootDirectory { get; init; } = "/var/lib/edgeactors/process-runtime";

    /// <summary>The runtime that <see cref="CriRuntime.Create"/> will build.</summary>
    public CriRuntimeKind EffectiveRuntime =>
        Runtime ?? (string.IsNullOrWhiteSpace(Endpoint) ? CriRuntimeKind.Process : CriRuntimeKind.Cri);

    /// <summary>Configuration errors, each naming its key; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Runtime is { } kind && !Enum.IsDefined(kind))
        {
            errors.Add($"runtime: unknown value '{kind}' (cri or process)");
        }

        if (EffectiveRuntime == CriRuntimeKind.Cri)
        {
            CheckEndpoint("endpoint", Endpoint, required: true, errors);
            CheckEndpoint("image-endpoint", ImageEndpoint, required: false, errors);
        }
        else if (string.IsNullOrWhiteSpace(ProcessRootDirectory) || !Path.IsPathFullyQualified(ProcessRootDirectory))
        {
            errors.Add($"process-root-directory: must be an absolute path, got '{ProcessRootDirectory}'");
        }

        CheckPositive("connect-timeout", ConnectTimeout, errors);
        CheckPositive("request-timeout", RequestTimeout, errors);
        CheckPositive("image-pull-timeout", ImagePullTimeout, errors);
        if (MaxMessageSize is < 1024 or > int.MaxValue - 16)
        {
            errors.Add($"max-message-size: must be between 1024 and {int.MaxValue - 16} bytes, got {MaxMessageSize}");
        }

        return errors;
    }

    /// <summary>Throws <see cref="ArgumentException"/> listing every error when the options are invalid.</summary>
    public void ThrowIfInvalid()
    {
        var errors = Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("invalid CRI options: " + string.Join("; ", errors));
        }
    }

    /// <summary>
    /// The filesystem path of a unix socket endpoint (<c>unix:///a/b</c> or <c>/a/b</c>), or null
    /// when <paramref name="endpoint"/> is not one.
    /// </summary>
    public static string? SocketPath(string? endpoint)
    {
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return null;
        }

        const string Scheme = "unix://";
        var path = endpoint.StartsWith(Scheme, StringComparison.Ordinal) ? endpoint[Scheme.Length..] : endpoint;
        return path.Length > 1 && path[0] == '/' && !path.Contains('\0', StringComparison.Ordinal) ? path : null;
    }

    private static void CheckEndpoint(string key, string? value, bool required, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors.Add($"{key}: required when runtime is cri (e.g. unix:///run/containerd/containerd.sock)");
            }

            return;
        }

        if (SocketPath(value) is null)
        {
            errors.Add($"{key}: '{value}' is not a unix socket endpoint (unix:///absolute/path or /absolute/path)");
        }
    }

    private static void CheckPositive(string key, TimeSpan value, List<string> errors)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"{key}: must be positive, got {value}");
        }
    }
}
