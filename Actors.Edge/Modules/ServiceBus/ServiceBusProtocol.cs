using Actors.Messages.ServiceBus;

namespace Actors.Edge.Modules.ServiceBus;

/// <summary>A call to an edge application finished (internal to the ServiceBus actor).</summary>
internal sealed record EdgeCallDone(string RequestId, ServiceBusHttpResponse Response);

/// <summary>An edge application's request to the cloud, from the local server; answered with <see cref="ServiceBusServerResponse"/>.</summary>
internal sealed record LocalUpload(ServiceBusServerRequest Request);

/// <summary>The local server started (or failed to); internal.</summary>
internal sealed record LocalServerStarted(LocalServiceServer? Server, string? Error);

/// <summary>Published on the event stream when the local server listens (its real address, also with port 0).</summary>
public sealed record ServiceBusServerListening(Uri Address);
