using Actors.Cri.Grpc;
using Actors.Edge.Modules.EdgeD.Runtime;
using Microsoft.Extensions.Logging;
using Runtime.V1;

namespace Actors.Edge.Modules.EdgeD.Pods;

/// <summary>The pod's sandbox: adopted after a worker or EdgeD restart, recreated (with its containers) when not ready.</summary>
internal sealed partial class PodSyncer
{
    private async Task EnsureSandboxAsync(PodModel pod, PodState state, CancellationToken cancellationToken)
    {
        if (state.SandboxId is null)
        {
            await AdoptAsync(pod, state, cancellationToken);
        }

        if (state.SandboxId is { } id)
        {
            PodSandboxStatus? status = null;
            try
            {
                status = await runtime.Runtime.PodSandboxStatusAsync(id, cancellationToken);
            }
            catch (CriException e) when (e.StatusCode == GrpcStatusCode.NotFound)
            {
            }

            if (status?.State == PodSandboxState.SandboxReady)
            {
                state.SandboxReady = true;
                state.SandboxIp = status.Network?.Ip ?? string.Empty;
                return;
            }

            logger.LogInformation("Pod {Pod}: sandbox {Sandbox} is not ready; recreating the pod's sandbox and containers", pod.Key, id);
            await runtime.Runtime.StopPodSandboxAsync(id, cancellationToken);
            await runtime.Runtime.RemovePodSandboxAsync(id, cancellationToken);
            state.SandboxAttempt++;
            state.InitDone = false; // a new sandbox runs its init containers again, as the kubelet does
            foreach (var record in state.Containers.Values)
            {
                record.Id = null;
            }
        }

        state.SandboxReady = false;
        var config = CriConfigs.Sandbox(pod, settings.PodLogRoot, HostNetwork(pod), state.SandboxAttempt);
        Directory.CreateDirectory(config.LogDirectory);
        state.SandboxId = await runtime.Runtime.RunPodSandboxAsync(config, cancellationToken: cancellationToken);
        state.SandboxReady = true;
        logger.LogInformation("Pod {Pod}: sandbox {Sandbox} running", pod.Key, state.SandboxId);
    }

    /// <summary>After a worker restart: take over the pod's ready sandbox and its newest containers.</summary>
    private async Task AdoptAsync(PodModel pod, PodState state, CancellationToken cancellationToken)
    {
        var filter = new PodSandboxFilter { State = new PodSandboxStateValue { State = PodSandboxState.SandboxReady } };
        filter.LabelSelector[PodLabels.PodUid] = pod.Uid;
        var sandbox = (await runtime.Runtime.ListPodSandboxAsync(filter, cancellationToken)).MaxBy(s => s.CreatedAt);
        if (sandbox is null)
        {
            return;
        }

        state.SandboxId = sandbox.Id;
        state.SandboxAttempt = (int)sandbox.Metadata.Attempt;
        var containers = await runtime.Runtime.ListContainersAsync(new ContainerFilter { PodSandboxId = sandbox.Id }, cancellationToken);
        foreach (var group in containers.GroupBy(c => c.Metadata.Name, StringComparer.Ordinal))
        {
            var newest = group.MaxBy(c => c.CreatedAt)!;
            var record = state.Container(group.Key);
            record.Id = newest.Id;
            record.SpecHash = newest.Annotations.TryGetValue(PodLabels.SpecHash, out var hash) ? hash : string.Empty;
            record.RestartCount = (int)newest.Metadata.Attempt;
        }
    }
}
