using Runtime.V1;

namespace Actors.Cri.Runtime;

/// <summary>
/// The container half of the Container Runtime Interface (CRI v1): runtime version and status,
/// pod sandboxes, containers, and synchronous exec.
/// </summary>
/// <remarks>
/// <para>Types: configurations, statuses and list entries are the CRI message types generated from
/// the cri-api <c>api.proto</c> (namespace <c>Runtime.V1</c>), because they already are the
/// contract EdgeD fills from a pod spec and reads back, and re-declaring ~40 fields would only add
/// a mapping layer that can drift. Where the raw request/response shape adds nothing (ids in,
/// one field out), methods take and return plain values; <see cref="ExecSyncResult"/> is ours.</para>
/// <para>Errors: every failure is a <see cref="Grpc.CriException"/> carrying a gRPC status code
/// (NotFound for an unknown id, Unavailable for an unreachable runtime, DeadlineExceeded when the
/// per-call deadline passes), whichever runtime implements the interface. Cancellation through the
/// caller's token surfaces as <see cref="OperationCanceledException"/>.</para>
/// <para>Restart policy is not the runtime's business: EdgeD decides restarts.</para>
/// </remarks>
public interface IRuntimeService
{
    /// <summary>Runtime name, version and CRI API version.</summary>
    Task<VersionResponse> VersionAsync(CancellationToken cancellationToken = default);

    /// <summary>Runtime conditions (RuntimeReady, NetworkReady).</summary>
    Task<RuntimeStatus> StatusAsync(CancellationToken cancellationToken = default);

    /// <summary>Creates and starts a pod sandbox; returns its id.</summary>
    Task<string> RunPodSandboxAsync(PodSandboxConfig config, string? runtimeHandler = null, CancellationToken cancellationToken = default);

    /// <summary>Stops the sandbox and every container in it. Idempotent.</summary>
    Task StopPodSandboxAsync(string podSandboxId, CancellationToken cancellationToken = default);

    /// <summary>Removes the sandbox and its containers (forcibly, if still running).</summary>
    Task RemovePodSandboxAsync(string podSandboxId, CancellationToken cancellationToken = default);

    /// <summary>Status of one sandbox; NotFound when the id is unknown.</summary>
    Task<PodSandboxStatus> PodSandboxStatusAsync(string podSandboxId, CancellationToken cancellationToken = default);

    /// <summary>Sandboxes matching <paramref name="filter"/> (all when null).</summary>
    Task<IReadOnlyList<PodSandbox>> ListPodSandboxAsync(PodSandboxFilter? filter = null, CancellationToken cancellationToken = default);

    /// <summary>Creates a container in a sandbox (state CREATED); returns its id.</summary>
    Task<string> CreateContainerAsync(string podSandboxId, ContainerConfig config, PodSandboxConfig sandboxConfig, CancellationToken cancellationToken = default);

    /// <summary>Starts a created container.</summary>
    Task StartContainerAsync(string containerId, CancellationToken cancellationToken = default);

    /// <summary>Stops a running container: SIGTERM (or the image's stop signal), SIGKILL after <paramref name="gracePeriod"/>.</summary>
    Task StopContainerAsync(string containerId, TimeSpan gracePeriod, CancellationToken cancellationToken = default);

    /// <summary>Removes a container (forcibly, if still running).</summary>
    Task RemoveContainerAsync(string containerId, CancellationToken cancellationToken = default);

    /// <summary>Containers matching <paramref name="filter"/> (all when null).</summary>
    Task<IReadOnlyList<Container>> ListContainersAsync(ContainerFilter? filter = null, CancellationToken cancellationToken = default);

    /// <summary>Status of one container (state, exit code, timestamps, log path); NotFound when unknown.</summary>
    Task<ContainerStatus> ContainerStatusAsync(string containerId, CancellationToken cancellationToken = default);

    /// <summary>Runs <paramref name="command"/> in the container and waits up to <paramref name="timeout"/> for it.</summary>
    Task<ExecSyncResult> ExecSyncAsync(string containerId, IReadOnlyList<string> command, TimeSpan timeout, CancellationToken cancellationToken = default);
}
