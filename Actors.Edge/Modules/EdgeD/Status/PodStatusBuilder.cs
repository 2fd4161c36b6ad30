using System.Globalization;
using System.Text.Json.Nodes;
using Actors.Edge.Modules.EdgeD.Pods;
using Actors.Edge.Modules.EdgeD.Prober;
using Runtime.V1;

namespace Actors.Edge.Modules.EdgeD.Status;

/// <summary>
/// Builds a Kubernetes <c>PodStatus</c> JSON object from a worker's <see cref="PodState"/>: phase, conditions (with
/// transition times that only move on a change), container statuses, IPs and QoS class. Pure apart from updating
/// the condition transition times in the state.
/// </summary>
internal static class PodStatusBuilder
{
    private static readonly string[] GuaranteedResources = ["cpu", "memory"];

    public static JsonObject Build(PodModel pod, PodState state, string runtimeName, string hostIp, string podIp, DateTimeOffset now)
    {
        var initialized = state.InitDone || pod.InitContainers.Count == 0;
        var pending = initialized ? "ContainerCreating" : "PodInitializing";
        var containers = new JsonArray();
        var counts = new PhaseCounts();
        foreach (var spec in pod.Containers)
        {
            var record = state.Containers.GetValueOrDefault(spec.Name);
            containers.Add(ContainerStatusJson(spec, record, runtimeName, state, counts, pending));
        }

        var allReady = counts.Ready == pod.Containers.Count;
        var status = new JsonObject
        {
            ["phase"] = state.InitFailed ? "Failed" : initialized ? Phase(pod, counts) : "Pending",
            ["conditions"] = new JsonArray(
                Condition(state, "PodReadyToStartContainers", state.SandboxReady, now),
                Condition(state, "Initialized", initialized, now),
                Condition(state, "Ready", allReady, now),
                Condition(state, "ContainersReady", allReady, now),
                Condition(state, "PodScheduled", true, now)),
            ["hostIP"] = hostIp,
            ["hostIPs"] = new JsonArray(new JsonObject { ["ip"] = hostIp }),
            ["qosClass"] = QosClass(pod),
            ["containerStatuses"] = containers,
        };
        if (pod.InitContainers.Count > 0)
        {
            var initCounts = new PhaseCounts();
            status["initContainerStatuses"] = new JsonArray([.. pod.InitContainers.Select(spec =>
                (JsonNode)ContainerStatusJson(spec, state.Containers.GetValueOrDefault(spec.Name), runtimeName, state, initCounts, "PodInitializing"))]);
        }

        if (state.SandboxReady && podIp.Length > 0)
        {
            status["podIP"] = podIp;
            status["podIPs"] = new JsonArray(new JsonObject { ["ip"] = podIp });
        }

        if (state.StartTime is { } start)
        {
            status["startTime"] = Time(start);
        }

        if (state.Problem is { } problem)
        {
            status["message"] = problem;
        }

        return status;
    }

    /// <summary>Kubernetes QoS class: BestEffort (no requests/limits), Guaranteed (cpu+memory limits = requests everywhere), else Burstable.</summary>
    public static string QosClass(PodModel pod)
    {
        var all = pod.Containers.Concat(pod.InitContainers).ToList();
        if (all.All(c => c.Resources.Requests.Count == 0 && c.Resources.Limits.Count == 0))
        {
            return "BestEffort";
        }

        var guaranteed = all.All(c =>
            GuaranteedResources.All(r =>
                c.Resources.Limits.TryGetValue(r, out var limit)
                && (!c.Resources.Requests.TryGetValue(r, out var request) || SameQuantity(request, limit))));
        return guaranteed ? "Guaranteed" : "Burstable";
    }

    /// <summary>Quantities compare by value ("1" = "1000m"); the parser has already rejected malformed ones.</summary>
    private static bool SameQuantity(string a, string b) =>
        a == b || (Quantity.TryParse(a, out var x) && Quantity.TryParse(b, out var y) && x == y);

    private static string Phase(PodModel pod, PhaseCounts c)
    {
        if (c.Waiting > 0)
        {
            return "Pending";
        }

        if (c.Running > 0 || (pod.RestartPolicy == RestartPolicy.Always && c.Terminated > 0))
        {
            return "Running";
        }

        if (c.Failed == 0)
        {
            return "Succeeded";
        }

        return pod.RestartPolicy == RestartPolicy.Never ? "Failed" : "Running";
    }

    private static JsonObject ContainerStatusJson(
        ContainerModel spec, ContainerRecord? record, string runtimeName, PodState state, PhaseCounts counts, string pendingReason)
    {
        var current = record?.Current;
        var json = new JsonObject
        {
            ["name"] = spec.Name,
            ["image"] = spec.Image,
            ["imageID"] = current?.ImageRef ?? string.Empty,
            ["restartCount"] = record?.RestartCount ?? 0,
        };
        if (record?.Id is { } id)
        {
            json["containerID"] = runtimeName + "://" + id;
        }

        var running = current?.State == ContainerState.ContainerRunning && record?.WaitingReason is null;
        var terminated = !running && current?.State == ContainerState.ContainerExited && record?.WaitingReason is null;
        var probedNow = record is not null && record.ProbedId == record.Id;
        var started = running && (!Has(spec, ProbeKind.Startup) || (probedNow && record!.StartupOk));
        var ready = started && (!Has(spec, ProbeKind.Readiness) || (probedNow && record!.ReadinessOk));
        if (running)
        {
            counts.Running++;
            counts.Ready += ready ? 1 : 0;
            json["state"] = new JsonObject { ["running"] = new JsonObject { ["startedAt"] = Nanos(current!.StartedAt) } };
        }
        else if (terminated)
        {
            counts.Terminated++;
            counts.Failed += current!.ExitCode != 0 ? 1 : 0;
            json["state"] = new JsonObject { ["terminated"] = Terminated(current, runtimeName) };
        }
        else
        {
            var everRan = record?.LastTerminated is not null;
            counts.Running += everRan ? 1 : 0;
            counts.Waiting += everRan ? 0 : 1;
            var reason = record?.WaitingReason ?? (state.Problem is null ? pendingReason : "CreateContainerError");
            var waiting = new JsonObject { ["reason"] = reason };
            if ((record?.WaitingMessage ?? state.Problem) is { } message)
            {
                waiting["message"] = message;
            }

            json["state"] = new JsonObject { ["waiting"] = waiting };
        }

        json["ready"] = ready;
        json["started"] = started;
        json["lastState"] = record?.LastTerminated is { } last
            ? new JsonObject { ["terminated"] = Terminated(last, runtimeName) }
            : new JsonObject();
        return json;
    }

    private static bool Has(ContainerModel spec, ProbeKind kind) => spec.Probes.Any(p => p.Kind == kind);

    private static JsonObject Terminated(ContainerStatus status, string runtimeName) => new()
    {
        ["exitCode"] = status.ExitCode,
        ["reason"] = status.Reason.Length > 0 ? status.Reason : (status.ExitCode == 0 ? "Completed" : "Error"),
        ["startedAt"] = Nanos(status.StartedAt),
        ["finishedAt"] = Nanos(status.FinishedAt),
        ["containerID"] = runtimeName + "://" + status.Id,
    };

    private static JsonObject Condition(PodState state, string type, bool value, DateTimeOffset now)
    {
        if (!state.Conditions.TryGetValue(type, out var previous) || previous.Status != value)
        {
            previous = (value, now);
            state.Conditions[type] = previous;
        }

        return new JsonObject
        {
            ["type"] = type,
            ["status"] = value ? "True" : "False",
            ["lastProbeTime"] = null,
            ["lastTransitionTime"] = Time(previous.At),
        };
    }

    private static string Nanos(long unixNanos) => Time(DateTimeOffset.FromUnixTimeMilliseconds(unixNanos / 1_000_000));

    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private sealed class PhaseCounts
    {
        public int Waiting { get; set; }

        public int Running { get; set; }

        public int Ready { get; set; }

        public int Terminated { get; set; }

        public int Failed { get; set; }
    }
}
