using Actors.Messages.Wire;

namespace Actors.Edge.Modules.DeviceTwin.Engine;

/// <summary>What every action needs besides the request: the time, fresh ids, the node name and message headers.</summary>
public sealed record PlanContext(long NowMs, Func<string> NewId, string NodeName)
{
    /// <summary>A header for a new envelope (fresh id, this plan's time).</summary>
    public MessageHeader Header() => new(NewId(), Timestamp: NowMs);
}
