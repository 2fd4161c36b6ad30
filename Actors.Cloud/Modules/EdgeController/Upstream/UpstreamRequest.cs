using Actors.Messages.Routing;
using Actors.Messages.Wire;

namespace Actors.Cloud.Modules.EdgeController.Upstream;

/// <summary>An edge message for the API (node, lease, pod status...), with its parsed cloud-form resource.</summary>
public sealed record UpstreamRequest(MessageEnvelope Envelope, NodeResource Resource);
