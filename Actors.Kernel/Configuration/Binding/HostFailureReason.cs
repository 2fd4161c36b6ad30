using Actors.Kernel.Actor;

namespace Actors.Kernel.Configuration.Binding;

/// <summary>
/// A CoordinatedShutdown reason for "the host cannot work" (for example a listener that cannot bind):
/// <see cref="HostRunner"/> prints <see cref="Message"/> and exits with <see cref="HostRunner.Failed"/>.
/// </summary>
public sealed class HostFailureReason(string message) : CoordinatedShutdown.Reason
{
    public string Message { get; } = message;
}
