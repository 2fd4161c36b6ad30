namespace Actors.Edge.Modules.EdgeD.Runtime;

/// <summary>The node's name and the pod's and host's IPs (for the downward API and the pod status).</summary>
internal sealed record PodAddresses(string NodeName, string HostIp, string PodIp);
