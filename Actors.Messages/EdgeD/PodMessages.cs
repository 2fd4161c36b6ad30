using Actors.Messages.Wire;

namespace Actors.Messages.EdgeD;

/// <summary>Pod and node traffic between EdgeD (module and group <c>edged</c>) and MetaManager.</summary>
public interface IEdgeDMessage;

/// <summary>A pod to create or update on this node (<paramref name="Pod"/> is the Pod JSON).</summary>
public sealed record PodUpserted(string Namespace, string Name, string ResourceVersion, MessageContent Pod) : IEdgeDMessage;

/// <summary>A pod to remove from this node.</summary>
public sealed record PodDeleted(string Namespace, string Name, MessageContent Pod) : IEdgeDMessage;

/// <summary>EdgeD registers its Node object (operation <c>insert</c> on <c>null/node/&lt;node&gt;</c>, sent with SendSync).</summary>
public sealed record NodeRegister(string NodeName, MessageContent Node) : IEdgeDMessage;

/// <summary>EdgeD patches its node status (<c>null/nodepatch/&lt;node&gt;</c>; content is the patch).</summary>
public sealed record NodeStatusPatch(string NodeName, MessageContent Patch) : IEdgeDMessage;

/// <summary>EdgeD patches a pod's status (<c>&lt;ns&gt;/podpatch/&lt;pod&gt;</c>).</summary>
public sealed record PodStatusPatch(string Namespace, string Name, MessageContent Patch) : IEdgeDMessage;

/// <summary>EdgeD renews its lease (<c>kube-node-lease/lease/&lt;node&gt;</c>, operation <c>update</c>).</summary>
public sealed record LeaseUpdate(string NodeName, MessageContent Lease) : IEdgeDMessage;
