using Actors.Kernel.Actor;

namespace Actors.Cloud.Host;

/// <summary>
/// <c>/user/cloudcore</c>: the parent under which cloudcore's modules will be started. No module
/// is started by this build yet, so it has no children and handles no messages.
/// </summary>
public sealed class CloudRootActor : ReceiveActor
{
}
