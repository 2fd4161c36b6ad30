using System.Reflection;
using System.Security.Cryptography;
using Actors.Cri.Grpc;
using Runtime.V1;

namespace Actors.Cri.Runtime.Process;

/// <summary>
/// The embedded <c>process</c> runtime: each container is a supervised local process and each
/// sandbox a directory plus metadata under the root directory.
/// </summary>
/// <remarks>
/// <para><b>This runtime isolates nothing.</b> Containers run as the host user, with the host
/// filesystem, network, PIDs and resources; no cgroups, namespaces, seccomp or image root
/// filesystem. The image is only a recorded name: the command must exist on the host. Use it for
/// development, tests and devices without a container runtime; production uses a CRI runtime.</para>
/// <para>Each container runs through <c>setsid</c> as its own process group: a stop sends SIGTERM to
/// the group, then SIGKILL once the grace period has passed; when the main process exits the rest of
/// its group is killed. Stdout/stderr are written in the CRI log format. The environment is only
/// PATH plus the configured variables. State is in memory (lost when the host process ends;
/// <see cref="DisposeAsync"/> kills every container). Restarts are not the runtime's business. Containers do not
/// outlive their host process: after a crash the next instance on the same root kills the leftovers and drops the
/// old sandboxes (<see cref="LeftoversKilled"/>), and the pods are started again.</para>
/// </remarks>
public sealed class ProcessRuntimeService : IRuntimeService, IAsyncDisposable
{
    private readonly object _gate = new();
    private readonly Dictionary<string, ProcessSandbox> _sandboxes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ProcessContainer> _containers = new(StringComparer.Ordinal);
    private readonly string _root;
    private readonly TimeProvider _time;

    /// <summary>Creates the runtime with its state under <paramref name="rootDirectory"/> (created if needed).</summary>
    public ProcessRuntimeService(string rootDirectory, TimeProvider time)
    {
        _root = Path.GetFullPath(rootDirectory);
        _time = time;
        LeftoversKilled = ProcessLeftovers.Reap(_root);
        Directory.CreateDirectory(Path.Combine(_root, "sandboxes"));
        Images = new ProcessImageService(_root, time);
    }

    /// <summary>
    /// How many containers of a previous instance on the same root (its host process died without disposing it) were
    /// still running and were killed at construction; their sandboxes are removed too (see <see cref="ProcessLeftovers"/>).
    /// </summary>
    public int LeftoversKilled { get; }

    /// <summary>The image service sharing this runtime's recorded image names.</summary>
    public ProcessImageService Images { get; }

    public Task<VersionResponse> VersionAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(new VersionResponse
        {
            Version = "0.1.0",
            RuntimeName = "edgeactors-process",
            RuntimeVersion = typeof(ProcessRuntimeService).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0",
            RuntimeApiVersion = "v1",
        });

    public Task<RuntimeStatus> StatusAsync(CancellationToken cancellationToken = default)
    {
        var status = new RuntimeStatus();
        status.Conditions.Add(new RuntimeCondition { Type = "RuntimeReady", Status = true });
        status.Conditions.Add(new RuntimeCondition { Type = "NetworkReady", Status = true, Reason = "HostNetworkOnly" });
        return Task.FromResult(status);
    }

    public Task<string> RunPodSandboxAsync(PodSandboxConfig config, string? runtimeHandler = null, CancellationToken cancellationToken = default)
    {
        if (config.Metadata is null || string.IsNullOrEmpty(config.Metadata.Name))
        {
            throw new CriException(GrpcStatusCode.InvalidArgument, "sandbox config must have metadata with a name");
        }

        var id = NewId();
        var directory = Path.Combine(_root, "sandboxes", id);
        Directory.CreateDirectory(directory);
        var sandbox = new ProcessSandbox(id, config.Clone(), directory, runtimeHandler ?? string.Empty, UnixNanos.Now(_time));
        sandbox.WriteMetadata();
        lock (_gate)
        {
            _sandboxes.Add(id, sandbox);
        }

        return Task.FromResult(id);
    }

    public async Task StopPodSandboxAsync(string podSandboxId, CancellationToken cancellationToken = default)
    {
        var sandbox = FindSandbox(podSandboxId);
        await Task.WhenAll(ContainersOf(podSandboxId).Select(c => c.StopAsync(TimeSpan.Zero, cancellationToken)));
        sandbox.MarkNotReady();
    }

    public async Task RemovePodSandboxAsync(string podSandboxId, CancellationToken cancellationToken = default)
    {
        ProcessSandbox? sandbox;
        lock (_gate)
        {
            _sandboxes.TryGetValue(podSandboxId, out sandbox);
        }

        if (sandbox is null)
        {
            return; // Removing an absent sandbox is not an error (CRI: idempotent).
        }

        foreach (var container in ContainersOf(podSandboxId))
        {
            await RemoveContainerAsync(container.Id, cancellationToken);
        }

        lock (_gate)
        {
            _sandboxes.Remove(podSandboxId);
        }

        if (Directory.Exists(sandbox.Directory))
        {
            Directory.Delete(sandbox.Directory, recursive: true); // a newer instance on the same root may have dropped it
        }
    }

    public Task<PodSandboxStatus> PodSandboxStatusAsync(string podSandboxId, CancellationToken cancellationToken = default) =>
        Task.FromResult(FindSandbox(podSandboxId).ToStatus());

    public Task<IReadOnlyList<PodSandbox>> ListPodSandboxAsync(PodSandboxFilter? filter = null, CancellationToken cancellationToken = default)
    {
        List<ProcessSandbox> all;
        lock (_gate)
        {
            all = [.. _sandboxes.Values];
        }

        IReadOnlyList<PodSandbox> list = all.Select(s => s.ToListEntry())
            .Where(s => filter is null
                || ((string.IsNullOrEmpty(filter.Id) || s.Id.StartsWith(filter.Id, StringComparison.Ordinal))
                    && (filter.State is null || filter.State.State == s.State)
                    && CriFilters.LabelsMatch(filter.LabelSelector, s.Labels)))
            .OrderBy(s => s.CreatedAt)
            .ToList();
        return Task.FromResult(list);
    }

    public Task<string> CreateContainerAsync(string podSandboxId, ContainerConfig config, PodSandboxConfig sandboxConfig, CancellationToken cancellationToken = default)
    {
        var sandbox = FindSandbox(podSandboxId);
        if (sandbox.State != PodSandboxState.SandboxReady)
        {
            throw new CriException(GrpcStatusCode.FailedPrecondition, $"pod sandbox {podSandboxId} is not ready");
        }

        if (config.Metadata is null || string.IsNullOrEmpty(config.Metadata.Name))
        {
            throw new CriException(GrpcStatusCode.InvalidArgument, "container config must have metadata with a name");
        }

        var imageRef = string.IsNullOrEmpty(config.Image?.Image) ? string.Empty : Images.Record(config.Image.Image);
        var workingDirectory = string.IsNullOrEmpty(config.WorkingDir) ? sandbox.Directory : config.WorkingDir;
        var container = new ProcessContainer(NewId(), podSandboxId, config.Clone(), sandbox.LogPathFor(config), workingDirectory, imageRef, _time);
        lock (_gate)
        {
            _containers.Add(container.Id, container);
        }

        return Task.FromResult(container.Id);
    }

    public Task StartContainerAsync(string containerId, CancellationToken cancellationToken = default)
    {
        var container = FindContainer(containerId);
        container.Start();
        if (container.Pid is { } pid)
        {
            ProcessLeftovers.Record(_root, containerId, pid);
        }

        return Task.CompletedTask;
    }

    public Task StopContainerAsync(string containerId, TimeSpan gracePeriod, CancellationToken cancellationToken = default) =>
        FindContainer(containerId).StopAsync(gracePeriod, cancellationToken);

    public async Task RemoveContainerAsync(string containerId, CancellationToken cancellationToken = default)
    {
        ProcessContainer? container;
        lock (_gate)
        {
            _containers.TryGetValue(containerId, out container);
        }

        if (container is null)
        {
            return; // CRI: removing an absent container is not an error.
        }

        await container.StopAsync(TimeSpan.Zero, cancellationToken);
        ProcessLeftovers.Forget(_root, containerId);
        lock (_gate)
        {
            _containers.Remove(containerId);
        }
    }

    public Task<IReadOnlyList<Container>> ListContainersAsync(ContainerFilter? filter = null, CancellationToken cancellationToken = default)
    {
        List<ProcessContainer> all;
        lock (_gate)
        {
            all = [.. _containers.Values];
        }

        IReadOnlyList<Container> list = all.Select(c => c.ToListEntry())
            .Where(c => filter is null
                || ((string.IsNullOrEmpty(filter.Id) || c.Id.StartsWith(filter.Id, StringComparison.Ordinal))
                    && (string.IsNullOrEmpty(filter.PodSandboxId) || c.PodSandboxId.StartsWith(filter.PodSandboxId, StringComparison.Ordinal))
                    && (filter.State is null || filter.State.State == c.State)
                    && CriFilters.LabelsMatch(filter.LabelSelector, c.Labels)))
            .OrderBy(c => c.CreatedAt)
            .ToList();
        return Task.FromResult(list);
    }

    public Task<ContainerStatus> ContainerStatusAsync(string containerId, CancellationToken cancellationToken = default) =>
        Task.FromResult(FindContainer(containerId).ToStatus());

    public Task<ExecSyncResult> ExecSyncAsync(string containerId, IReadOnlyList<string> command, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var container = FindContainer(containerId);
        if (container.State != ContainerState.ContainerRunning)
        {
            throw new CriException(GrpcStatusCode.FailedPrecondition, $"container {containerId} is not running");
        }

        return ProcessExec.RunAsync(command, container.Environment, container.WorkingDirectory, timeout, _time, cancellationToken);
    }

    /// <summary>Kills every running container and waits for them to exit. Sandbox directories are kept.</summary>
    public async ValueTask DisposeAsync()
    {
        List<ProcessContainer> all;
        lock (_gate)
        {
            all = [.. _containers.Values];
        }

        await Task.WhenAll(all.Select(c => c.StopAsync(TimeSpan.Zero, CancellationToken.None)));
    }

    private static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    private List<ProcessContainer> ContainersOf(string sandboxId)
    {
        lock (_gate)
        {
            return [.. _containers.Values.Where(c => c.SandboxId == sandboxId)];
        }
    }

    private ProcessSandbox FindSandbox(string id)
    {
        lock (_gate)
        {
            return _sandboxes.TryGetValue(id, out var sandbox)
                ? sandbox
                : throw new CriException(GrpcStatusCode.NotFound, $"pod sandbox {id} not found");
        }
    }

    private ProcessContainer FindContainer(string id)
    {
        lock (_gate)
        {
            return _containers.TryGetValue(id, out var container)
                ? container
                : throw new CriException(GrpcStatusCode.NotFound, $"container {id} not found");
        }
    }
}
