using System.Collections.Immutable;

namespace Actors.Edge.Modules.DeviceTwin.Engine;

/// <summary>
/// Plans one request against a snapshot of the device cache. Pure apart from the clock and fresh ids; it may throw on a
/// bug, which crashes the worker actor that called it (the controller then hands the request to the restarted worker).
/// </summary>
public interface ITwinEngine
{
    WorkPlan Plan(TwinRequest request, ImmutableDictionary<string, DeviceEntry> devices);
}
