using Actors.Kernel.Actor;

namespace Actors.Edge.Host;

/// <summary>
/// <c>/user/edgecore</c>: the parent under which edgecore's modules will be started. No module is
/// implemented yet, so it has no children and handles no messages.
/// </summary>
public sealed class EdgeRootActor : ReceiveActor
{
}
