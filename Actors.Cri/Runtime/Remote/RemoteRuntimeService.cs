using Actors.Cri.Grpc;
using Google.Protobuf;
using Runtime.V1;

namespace Actors.Cri.Runtime.Remote;

/// <summary>
/// <see cref="IRuntimeService"/> over gRPC to a CRI runtime (containerd, CRI-O, ...). Stateless
/// apart from the shared <see cref="GrpcUnaryClient"/>; safe to call concurrently.
/// </summary>
public sealed class RemoteRuntimeService : IRuntimeService
{
    private const string Service = "/runtime.v1.RuntimeService/";
    private readonly GrpcUnaryClient _client;
    private readonly TimeSpan _timeout;

    /// <summary>Uses <paramref name="client"/> (not owned) with <paramref name="requestTimeout"/> per call.</summary>
    public RemoteRuntimeService(GrpcUnaryClient client, TimeSpan requestTimeout)
    {
        _client = client;
        _timeout = requestTimeout;
    }

    public Task<VersionResponse> VersionAsync(CancellationToken cancellationToken = default) =>
        CallAsync("Version", new VersionRequest { Version = "v1" }, VersionResponse.Parser, cancellationToken);

    public async Task<RuntimeStatus> StatusAsync(CancellationToken cancellationToken = default) =>
        (await CallAsync("Status", new StatusRequest(), StatusResponse.Parser, cancellationToken)).Status
        ?? throw new CriException(GrpcStatusCode.Internal, "Status returned no status");

    public async Task<string> RunPodSandboxAsync(PodSandboxConfig config, string? runtimeHandler = null, CancellationToken cancellationToken = default)
    {
        var request = new RunPodSandboxRequest { Config = config, RuntimeHandler = runtimeHandler ?? string.Empty };
        return (await CallAsync("RunPodSandbox", request, RunPodSandboxResponse.Parser, cancellationToken)).PodSandboxId;
    }

    public Task StopPodSandboxAsync(string podSandboxId, CancellationToken cancellationToken = default) =>
        CallAsync("StopPodSandbox", new StopPodSandboxRequest { PodSandboxId = podSandboxId }, StopPodSandboxResponse.Parser, cancellationToken);

    public Task RemovePodSandboxAsync(string podSandboxId, CancellationToken cancellationToken = default) =>
        CallAsync("RemovePodSandbox", new RemovePodSandboxRequest { PodSandboxId = podSandboxId }, RemovePodSandboxResponse.Parser, cancellationToken);

    public async Task<PodSandboxStatus> PodSandboxStatusAsync(string podSandboxId, CancellationToken cancellationToken = default)
    {
        var response = await CallAsync("PodSandboxStatus", new PodSandboxStatusRequest { PodSandboxId = podSandboxId }, PodSandboxStatusResponse.Parser, cancellationToken);
        return response.Status ?? throw new CriException(GrpcStatusCode.NotFound, $"pod sandbox {podSandboxId} has no status");
    }

    public async Task<IReadOnlyList<PodSandbox>> ListPodSandboxAsync(PodSandboxFilter? filter = null, CancellationToken cancellationToken = default) =>
        (await CallAsync("ListPodSandbox", new ListPodSandboxRequest { Filter = filter }, ListPodSandboxResponse.Parser, cancellationToken)).Items;

    public async Task<string> CreateContainerAsync(string podSandboxId, ContainerConfig config, PodSandboxConfig sandboxConfig, CancellationToken cancellationToken = default)
    {
        var request = new CreateContainerRequest { PodSandboxId = podSandboxId, Config = config, SandboxConfig = sandboxConfig };
        return (await CallAsync("CreateContainer", request, CreateContainerResponse.Parser, cancellationToken)).ContainerId;
    }

    public Task StartContainerAsync(string containerId, CancellationToken cancellationToken = default) =>
        CallAsync("StartContainer", new StartContainerRequest { ContainerId = containerId }, StartContainerResponse.Parser, cancellationToken);

    public Task StopContainerAsync(string containerId, TimeSpan gracePeriod, CancellationToken cancellationToken = default)
    {
        var seconds = WholeSeconds(gracePeriod);
        var request = new StopContainerRequest { ContainerId = containerId, Timeout = seconds };
        return CallAsync("StopContainer", request, StopContainerResponse.Parser, cancellationToken, _timeout + TimeSpan.FromSeconds(seconds));
    }

    public Task RemoveContainerAsync(string containerId, CancellationToken cancellationToken = default) =>
        CallAsync("RemoveContainer", new RemoveContainerRequest { ContainerId = containerId }, RemoveContainerResponse.Parser, cancellationToken);

    public async Task<IReadOnlyList<Container>> ListContainersAsync(ContainerFilter? filter = null, CancellationToken cancellationToken = default) =>
        (await CallAsync("ListContainers", new ListContainersRequest { Filter = filter }, ListContainersResponse.Parser, cancellationToken)).Containers;

    public async Task<ContainerStatus> ContainerStatusAsync(string containerId, CancellationToken cancellationToken = default)
    {
        var response = await CallAsync("ContainerStatus", new ContainerStatusRequest { ContainerId = containerId }, ContainerStatusResponse.Parser, cancellationToken);
        return response.Status ?? throw new CriException(GrpcStatusCode.NotFound, $"container {containerId} has no status");
    }

    public async Task<ExecSyncResult> ExecSyncAsync(string containerId, IReadOnlyList<string> command, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var seconds = WholeSeconds(timeout);
        var request = new ExecSyncRequest { ContainerId = containerId, Timeout = seconds };
        request.Cmd.AddRange(command);
        var response = await CallAsync("ExecSync", request, ExecSyncResponse.Parser, cancellationToken, _timeout + TimeSpan.FromSeconds(seconds));
        return new ExecSyncResult(response.ExitCode, response.Stdout.ToByteArray(), response.Stderr.ToByteArray());
    }

    // CRI timeouts are whole seconds; round up so a caller's sub-second grace is not "no grace".
    private static long WholeSeconds(TimeSpan value) =>
        value <= TimeSpan.Zero ? 0 : (long)Math.Ceiling(value.TotalSeconds);

    private Task<T> CallAsync<T>(string method, IMessage request, MessageParser<T> parser, CancellationToken cancellationToken, TimeSpan? timeout = null)
        where T : IMessage<T> =>
        _client.CallAsync(Service + method, request, parser, timeout ?? _timeout, cancellationToken);
}
