using System.Collections.Immutable;
using Actors.Edge.Modules.DeviceTwin.Engine;

namespace Actors.Edge.Tests.DeviceTwin.Module;

/// <summary>
/// Wraps the real engine and throws for the first <see cref="Failures"/> twin updates it is asked to plan (a worker
/// bug), counting every call.
/// </summary>
internal sealed class CrashingEngine(ITwinEngine inner, int failures) : ITwinEngine
{
    private int _updates;

    public int Failures { get; } = failures;

    public int UpdateCalls => Volatile.Read(ref _updates);

    public WorkPlan Plan(TwinRequest request, ImmutableDictionary<string, DeviceEntry> devices)
    {
        if (request is DeviceTopicRequest { Action: DeviceTopicAction.TwinUpdate } && Interlocked.Increment(ref _updates) <= Failures)
        {
            throw new InvalidOperationException("worker bug injected by the test");
        }

        return inner.Plan(request, devices);
    }
}
