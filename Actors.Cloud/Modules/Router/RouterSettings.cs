using System.Net;

namespace Actors.Cloud.Modules.Router;

/// <summary>What the router actor needs (bound from <c>cloudcore.modules.router</c>).</summary>
/// <param name="Listen">REST listener (KubeEdge: 0.0.0.0:9443).</param>
/// <param name="RestTimeout">How long a REST → ServiceBus call waits for the edge (KubeEdge: 60 s).</param>
public sealed record RouterSettings(IPEndPoint Listen, TimeSpan RestTimeout)
{
    /// <summary>How often delivery counters are added to each rule's <c>status</c>.</summary>
    public TimeSpan RuleStatusInterval { get; init; } = TimeSpan.FromSeconds(10);
}
