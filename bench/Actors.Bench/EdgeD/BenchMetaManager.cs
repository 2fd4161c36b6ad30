using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Actors.Kernel.Actor;
using Actors.Kernel.Modules;
using Actors.Messages.Bus;
using Actors.Messages.Routing;

namespace Actors.Bench.EdgeD;

/// <summary>Stands in for MetaManager: completes a pod's task when its first all-Running status arrives, and on its delete.</summary>
internal sealed class BenchMetaManager : IModule
{
    public ConcurrentDictionary<string, TaskCompletionSource<long>> Running { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, TaskCompletionSource<long>> Deleted { get; } = new(StringComparer.Ordinal);

    public string Name => ModuleNames.MetaManager;

    public string Group => Groups.Meta;

    public bool Enabled => true;

    public Props CreateProps(ModuleContext context) => Props.Create(() => new Recorder(this));

    private sealed class Recorder(BenchMetaManager owner) : ActorBase
    {
        protected override bool Receive(object message)
        {
            if (message is not BusMessage { Envelope: var e })
            {
                return false;
            }

            var name = e.Route.Resource.Split('/')[^1];
            if (e.Route.Operation == Operations.Delete && owner.Deleted.TryGetValue(name, out var deleted))
            {
                deleted.TrySetResult(Stopwatch.GetTimestamp());
            }
            else if (e.Route.Resource.Contains("/podpatch/", StringComparison.Ordinal) && owner.Running.TryGetValue(name, out var running)
                && !running.Task.IsCompleted && AllRunning(e.Content.AsString()!))
            {
                running.TrySetResult(Stopwatch.GetTimestamp());
            }

            return true;
        }

        private static bool AllRunning(string patch)
        {
            using var doc = JsonDocument.Parse(patch);
            var status = doc.RootElement.GetProperty("status");
            return status.GetProperty("phase").GetString() == "Running"
                && status.GetProperty("containerStatuses").EnumerateArray().All(c => c.GetProperty("state").TryGetProperty("running", out _));
        }
    }
}
