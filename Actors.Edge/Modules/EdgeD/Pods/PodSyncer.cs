using Actors.Cri.Grpc;
using Actors.Cri.Runtime;
using Actors.Edge.Modules.EdgeD.Runtime;
using Actors.Edge.Modules.EdgeD.Volumes;
using Microsoft.Extensions.Logging;
using Runtime.V1;

namespace Actors.Edge.Modules.EdgeD.Pods;

/// <summary>
/// Reconciles one pod with the runtime (kubelet's SyncPod, simplified): volumes first, then the sandbox, then each
/// container per restart policy and back-off. Returns when to look again (a back-off expiry or a retry), if ever.
/// Runtime and volume errors are recorded in <see cref="PodState.Problem"/> and retried; they never throw.
/// </summary>
internal sealed partial class PodSyncer(
    CriRuntime runtime, VolumeManager volumes, EnvResolver envResolver, EdgedSettings settings, TimeProvider time, PodAddresses node, ILogger logger, EdgedMetrics metrics)
{
    public PodAddresses Node => node;

    public async Task<TimeSpan?> SyncAsync(PodModel pod, PodState state, CancellationToken cancellationToken)
    {
        state.StartTime ??= time.GetUtcNow();
        IReadOnlyDictionary<string, string> paths;
        try
        {
            paths = await volumes.PrepareAsync(pod, cancellationToken);
            state.VolumesReady = true;
        }
        catch (Exception e) when (e is VolumeException or IOException or UnauthorizedAccessException)
        {
            return Problem(pod, state, "volumes not ready: " + e.Message);
        }

        try
        {
            await EnsureSandboxAsync(pod, state, cancellationToken);
            var (initDone, initWake) = await InitAsync(pod, state, paths, cancellationToken);
            if (!initDone)
            {
                state.Problem = null;
                return initWake;
            }

            TimeSpan? wake = null;
            foreach (var container in pod.Containers)
            {
                var next = await SyncContainerAsync(pod, container, state, paths, cancellationToken);
                wake = next is { } n && (wake is null || n < wake) ? n : wake;
            }

            state.Problem = null;
            return wake;
        }
        catch (CriException e)
        {
            return Problem(pod, state, "runtime: " + e.Message);
        }
    }

    /// <summary>Stops and removes every sandbox of the pod (found by uid label) and its directory.</summary>
    public async Task TeardownAsync(PodModel pod, PodState state, CancellationToken cancellationToken)
    {
        foreach (var record in state.Containers.Values.Where(r => r.Id is not null))
        {
            try
            {
                await runtime.Runtime.StopContainerAsync(record.Id!, pod.TerminationGracePeriod, cancellationToken);
            }
            catch (CriException e) when (e.StatusCode == GrpcStatusCode.NotFound)
            {
                // already gone
            }
        }

        var filter = new PodSandboxFilter();
        filter.LabelSelector[PodLabels.PodUid] = pod.Uid;
        foreach (var sandbox in await runtime.Runtime.ListPodSandboxAsync(filter, cancellationToken))
        {
            await runtime.Runtime.StopPodSandboxAsync(sandbox.Id, cancellationToken);
            await runtime.Runtime.RemovePodSandboxAsync(sandbox.Id, cancellationToken);
        }

        volumes.Cleanup(pod.Uid);
        state.SandboxId = null;
        state.Containers.Clear();
    }

    /// <summary>Stops the container's current instance (a failed liveness or startup probe); the next sync applies the restart policy.</summary>
    public async Task KillContainerAsync(PodModel pod, ContainerRecord record, CancellationToken cancellationToken)
    {
        try
        {
            if (record.Id is { } id)
            {
                await runtime.Runtime.StopContainerAsync(id, pod.TerminationGracePeriod, cancellationToken);
            }
        }
        catch (CriException e)
        {
            logger.LogWarning("Pod {Pod}: stopping container {Id} failed: {Error}", pod.Key, record.Id, e.Message);
        }
    }

    private TimeSpan Problem(PodModel pod, PodState state, string message)
    {
        if (state.Problem != message)
        {
            logger.LogWarning("Pod {Pod}: {Problem}; retrying in {Delay}", pod.Key, message, settings.RetryPeriod);
        }

        state.Problem = message;
        return settings.RetryPeriod;
    }

    private bool HostNetwork(PodModel pod) => pod.HostNetwork || settings.ForceHostNetwork;

    private async Task<TimeSpan?> SyncContainerAsync(
        PodModel pod, ContainerModel spec, PodState state, IReadOnlyDictionary<string, string> paths, CancellationToken cancellationToken)
    {
        var record = state.Container(spec.Name);
        if (record.Id is not null)
        {
            try
            {
                record.Current = await runtime.Runtime.ContainerStatusAsync(record.Id, cancellationToken);
            }
            catch (CriException e) when (e.StatusCode == GrpcStatusCode.NotFound)
            {
                record.Id = null;
                record.Current = null;
            }
        }

        if (record.Id is null)
        {
            return await StartAsync(pod, spec, state, record, paths, cancellationToken);
        }

        var current = record.Current!;
        if (record.SpecHash != spec.SpecHash)
        {
            logger.LogInformation("Pod {Pod}: container {Container} spec changed; restarting it", pod.Key, spec.Name);
            await runtime.Runtime.StopContainerAsync(record.Id, pod.TerminationGracePeriod, cancellationToken);
            record.LastTerminated = await runtime.Runtime.ContainerStatusAsync(record.Id, cancellationToken);
            record.RestartCount++;
            return await StartAsync(pod, spec, state, record, paths, cancellationToken);
        }

        return current.State switch
        {
            ContainerState.ContainerCreated => await StartCreatedAsync(record, cancellationToken),
            ContainerState.ContainerExited => await ExitedAsync(pod, spec, state, record, paths, cancellationToken),
            _ => ClearWaiting(record),
        };
    }

    private static TimeSpan? ClearWaiting(ContainerRecord record)
    {
        record.WaitingReason = null;
        record.WaitingMessage = null;
        return null;
    }

    private async Task<TimeSpan?> StartCreatedAsync(ContainerRecord record, CancellationToken cancellationToken)
    {
        await runtime.Runtime.StartContainerAsync(record.Id!, cancellationToken);
        metrics.ContainerStarted();
        record.Current = await runtime.Runtime.ContainerStatusAsync(record.Id!, cancellationToken);
        return ClearWaiting(record);
    }

    private async Task<TimeSpan?> ExitedAsync(
        PodModel pod, ContainerModel spec, PodState state, ContainerRecord record, IReadOnlyDictionary<string, string> paths, CancellationToken cancellationToken)
    {
        var exited = record.Current!;
        record.LastTerminated = exited;
        var restart = pod.RestartPolicy switch
        {
            RestartPolicy.Always => true,
            RestartPolicy.OnFailure => exited.ExitCode != 0,
            _ => false,
        };
        if (!restart)
        {
            return ClearWaiting(record);
        }

        // kubelet's rule: the first restart is immediate; after that a failed container waits the back-off delay,
        // counted from when it finished, and each restart doubles the delay up to the cap. A container that ran for
        // twice the cap starts over without delay.
        var now = time.GetUtcNow();
        var finished = DateTimeOffset.FromUnixTimeMilliseconds(exited.FinishedAt / 1_000_000);
        var ranFor = TimeSpan.FromTicks(Math.Max(0, (exited.FinishedAt - exited.StartedAt) / 100));
        if (ranFor >= 2 * settings.BackoffMax)
        {
            record.Backoff = TimeSpan.Zero;
        }

        if (record.Backoff > TimeSpan.Zero && finished + record.Backoff > now)
        {
            record.BackoffUntil = finished + record.Backoff;
            record.WaitingReason = "CrashLoopBackOff";
            record.WaitingMessage = $"back-off {record.Backoff.TotalSeconds:0}s restarting failed container={spec.Name} pod={pod.Name}_{pod.Namespace}({pod.Uid})";
            return record.BackoffUntil - now;
        }

        record.Backoff = record.Backoff == TimeSpan.Zero
            ? settings.BackoffInitial
            : TimeSpan.FromTicks(Math.Min(record.Backoff.Ticks * 2, settings.BackoffMax.Ticks));
        record.BackoffUntil = null;
        record.RestartCount++;
        logger.LogInformation("Pod {Pod}: restarting container {Container} (exit code {ExitCode}, restart {Count})", pod.Key, spec.Name, exited.ExitCode, record.RestartCount);
        await runtime.Runtime.RemoveContainerAsync(record.Id!, cancellationToken);
        return await StartAsync(pod, spec, state, record, paths, cancellationToken);
    }

    private async Task<TimeSpan?> StartAsync(
        PodModel pod, ContainerModel spec, PodState state, ContainerRecord record, IReadOnlyDictionary<string, string> paths, CancellationToken cancellationToken)
    {
        if (await runtime.Images.ImageStatusAsync(spec.Image, cancellationToken) is null)
        {
            record.WaitingReason = "ContainerCreating";
            await runtime.Images.PullImageAsync(spec.Image, cancellationToken: cancellationToken);
        }

        IReadOnlyList<EnvVarModel> env;
        try
        {
            env = await envResolver.ResolveAsync(pod, spec, cancellationToken);
        }
        catch (ContainerConfigException e)
        {
            (record.WaitingReason, record.WaitingMessage) = ("CreateContainerConfigError", e.Message);
            logger.LogWarning("Pod {Pod}: container {Container} cannot be configured: {Error}", pod.Key, spec.Name, e.Message);
            return settings.RetryPeriod;
        }

        var addresses = node with { PodIp = HostNetwork(pod) || state.SandboxIp.Length == 0 ? node.HostIp : state.SandboxIp };
        var config = CriConfigs.Container(pod, spec, record.RestartCount, paths, HostNetwork(pod), addresses, env);
        var sandboxConfig = CriConfigs.Sandbox(pod, settings.PodLogRoot, HostNetwork(pod), state.SandboxAttempt);
        if (record.Id is { } old)
        {
            await runtime.Runtime.RemoveContainerAsync(old, cancellationToken);
        }

        record.Id = await runtime.Runtime.CreateContainerAsync(state.SandboxId!, config, sandboxConfig, cancellationToken);
        record.SpecHash = spec.SpecHash;
        await runtime.Runtime.StartContainerAsync(record.Id, cancellationToken);
        metrics.ContainerStarted();
        record.Current = await runtime.Runtime.ContainerStatusAsync(record.Id, cancellationToken);
        return ClearWaiting(record);
    }
}
