namespace Actors.Kernel.Modules;

/// <summary>A synchronous send could not be delivered (see <see cref="ModuleDeliveryFailed"/>).</summary>
public sealed class ModuleDeliveryException : Exception
{
    public ModuleDeliveryException()
    {
    }

    public ModuleDeliveryException(string message)
        : base(message)
    {
    }

    public ModuleDeliveryException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
