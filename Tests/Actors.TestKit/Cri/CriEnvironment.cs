namespace Actors.TestKit.Cri;

/// <summary>
/// The real CRI runtime started by Tests/setup/30-containerd.sh (exports in RUN_DIR/env.sh).
/// Without EDGEACTORS_CRI_ENDPOINT the integration tests skip visibly, unless
/// EDGEACTORS_REQUIRE_CRI=1 (as under ./test.sh), in which case they fail loudly.
/// </summary>
public static class CriEnvironment
{
    public const string EndpointVariable = "EDGEACTORS_CRI_ENDPOINT";
    public const string RequireVariable = "EDGEACTORS_REQUIRE_CRI";

    public static string? Endpoint => Value(EndpointVariable);

    public static bool Required => Value(RequireVariable) == "1";

    public static string BusyboxImage => Value("EDGEACTORS_CRI_BUSYBOX_IMAGE") ?? "localhost/edgeactors/busybox:latest";

    public static string PauseImage => Value("EDGEACTORS_CRI_PAUSE_IMAGE") ?? "localhost/edgeactors/pause:latest";

    public static string PodLogRoot => Value("EDGEACTORS_CRI_POD_LOG_ROOT") ?? Path.Combine(Path.GetTempPath(), "edgeactors-cri-pods");

    /// <summary>The endpoint, or a failure that says how to provide one.</summary>
    public static string RequireEndpoint() =>
        Endpoint ?? throw new InvalidOperationException(
            $"{RequireVariable}=1 but {EndpointVariable} is not set: the containerd set-up hook (Tests/setup/30-containerd.sh start) did not run or failed. " +
            "Run ./test.sh, or `bash Tests/setup/30-containerd.sh start /tmp/x && source /tmp/x/env.sh`.");

    private static string? Value(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}
