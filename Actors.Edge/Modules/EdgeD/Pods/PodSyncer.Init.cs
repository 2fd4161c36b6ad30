using Actors.Cri.Grpc;
using Microsoft.Extensions.Logging;
using Runtime.V1;

namespace Actors.Edge.Modules.EdgeD.Pods;

/// <summary>
/// Init containers, as the kubelet runs them: in order, one at a time, each to a successful exit before the next
/// starts and before any app container does. A failed one is restarted with the usual back-off unless the restart
/// policy is Never, which fails the pod. They run again only in a new sandbox; after a restart of EdgeD a pod whose
/// app containers already exist is not initialised again (completed init containers may have been collected).
/// </summary>
internal sealed partial class PodSyncer
{
    /// <summary>Done = every init container succeeded; otherwise when to look again (null: on the next PLEG event).</summary>
    private async Task<(bool Done, TimeSpan? Wake)> InitAsync(
        PodModel pod, PodState state, IReadOnlyDictionary<string, string> paths, CancellationToken cancellationToken)
    {
        if (state.InitDone || pod.InitContainers.Count == 0
            || pod.Containers.Any(c => state.Containers.TryGetValue(c.Name, out var app) && app.Id is not null))
        {
            state.InitDone = true;
            return (true, null);
        }

        foreach (var spec in pod.InitContainers)
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
                    (record.Id, record.Current) = (null, null);
                }
            }

            if (record.Id is null)
            {
                return (false, await StartAsync(pod, spec, state, record, paths, cancellationToken));
            }

            switch (record.Current!.State)
            {
                case ContainerState.ContainerExited when record.Current.ExitCode == 0:
                    ClearWaiting(record);
                    continue;
                case ContainerState.ContainerExited when pod.RestartPolicy == RestartPolicy.Never:
                    record.LastTerminated = record.Current;
                    ClearWaiting(record);
                    if (!state.InitFailed)
                    {
                        logger.LogWarning("Pod {Pod}: init container {Container} failed (exit code {ExitCode}); restart policy Never, the pod failed",
                            pod.Key, spec.Name, record.Current.ExitCode);
                    }

                    state.InitFailed = true;
                    return (false, null);
                case ContainerState.ContainerExited:
                    return (false, await ExitedAsync(pod, spec, state, record, paths, cancellationToken));
                case ContainerState.ContainerCreated:
                    return (false, await StartCreatedAsync(record, cancellationToken));
                default:
                    return (false, ClearWaiting(record));
            }
        }

        logger.LogInformation("Pod {Pod}: {Count} init containers completed", pod.Key, pod.InitContainers.Count);
        state.InitDone = true;
        return (true, null);
    }
}
