using Actors.Kernel.Actor;
using Actors.Kernel.Diagnostics;

namespace Actors.Kernel.Tests.Diagnostics;

/// <summary>A registry from a throw-away actor system (the registry is a per-system extension).</summary>
internal sealed class MetricsRegistryProbe
{
    public MetricsRegistryProbe()
    {
        var system = ActorSystem.Create("metrics-" + Guid.NewGuid().ToString("N"));
        Registry = MetricsRegistry.Get(system);
        system.Terminate().Wait(TimeSpan.FromSeconds(10));
    }

    public MetricsRegistry Registry { get; }
}
