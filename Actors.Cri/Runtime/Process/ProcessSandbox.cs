using Google.Protobuf;
using Runtime.V1;

namespace Actors.Cri.Runtime.Process;

/// <summary>
/// A pod sandbox of the process runtime: a directory (working directory and default log place of
/// its containers) plus its metadata, kept in memory and mirrored to <c>sandbox.json</c> (the CRI
/// PodSandboxStatus as JSON) for inspection. Nothing is isolated: "host network" is the only network.
/// </summary>
internal sealed class ProcessSandbox
{
    private readonly object _gate = new();

    public ProcessSandbox(string id, PodSandboxConfig config, string directory, string runtimeHandler, long createdAt)
    {
        Id = id;
        Config = config;
        Directory = directory;
        RuntimeHandler = runtimeHandler;
        CreatedAt = createdAt;
    }

    public string Id { get; }

    public PodSandboxConfig Config { get; }

    public string Directory { get; }

    public string RuntimeHandler { get; }

    public long CreatedAt { get; }

    public PodSandboxState State { get; private set; } = PodSandboxState.SandboxReady;

    /// <summary>Where a container's log goes: the configured log directory and path, or a default under the sandbox.</summary>
    public string LogPathFor(ContainerConfig container)
    {
        var relative = string.IsNullOrEmpty(container.LogPath)
            ? $"{container.Metadata?.Name ?? "container"}/{container.Metadata?.Attempt ?? 0}.log"
            : container.LogPath;
        var directory = string.IsNullOrEmpty(Config.LogDirectory) ? Path.Combine(Directory, "logs") : Config.LogDirectory;
        return Path.GetFullPath(relative, directory);
    }

    public void MarkNotReady()
    {
        lock (_gate)
        {
            State = PodSandboxState.SandboxNotready;
        }

        WriteMetadata();
    }

    public PodSandboxStatus ToStatus()
    {
        lock (_gate)
        {
            var status = new PodSandboxStatus
            {
                Id = Id,
                Metadata = Config.Metadata,
                State = State,
                CreatedAt = CreatedAt,
                Network = new PodSandboxNetworkStatus { Ip = "127.0.0.1" },
                RuntimeHandler = RuntimeHandler,
            };
            status.Labels.Add(Config.Labels);
            status.Annotations.Add(Config.Annotations);
            return status;
        }
    }

    public PodSandbox ToListEntry()
    {
        lock (_gate)
        {
            var entry = new PodSandbox { Id = Id, Metadata = Config.Metadata, State = State, CreatedAt = CreatedAt, RuntimeHandler = RuntimeHandler };
            entry.Labels.Add(Config.Labels);
            entry.Annotations.Add(Config.Annotations);
            return entry;
        }
    }

    /// <summary>Writes sandbox.json atomically (temp file, then rename).</summary>
    public void WriteMetadata()
    {
        var json = JsonFormatter.Default.Format(ToStatus());
        var path = Path.Combine(Directory, "sandbox.json");
        File.WriteAllText(path + ".tmp", json);
        File.Move(path + ".tmp", path, overwrite: true);
    }
}
