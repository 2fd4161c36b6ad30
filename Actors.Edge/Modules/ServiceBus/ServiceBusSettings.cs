using System.Net;

namespace Actors.Edge.Modules.ServiceBus;

/// <summary>What the ServiceBus actor needs, bound from <c>edgecore.modules.servicebus</c> by the module.</summary>
/// <param name="Listen">Local server address for edge applications (KubeEdge: 127.0.0.1:9060).</param>
/// <param name="CallTimeout">Timeout of one call to an edge application (KubeEdge's HTTP client: 10 s).</param>
/// <param name="UploadTimeout">How long an application's request waits for the cloud (KubeEdge: 60 s).</param>
/// <param name="MaxBodyBytes">Largest response body taken from an application (KubeEdge: 5,000,000).</param>
/// <param name="MaxInFlight">Calls to applications running at once; more are answered 503 at once.</param>
public sealed record ServiceBusSettings(IPEndPoint Listen, TimeSpan CallTimeout, TimeSpan UploadTimeout, int MaxBodyBytes, int MaxInFlight);
