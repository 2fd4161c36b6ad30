namespace Actors.Edge.Modules.DeviceTwin.Storage;

/// <summary>A store operation failed (constraint violation, I/O); transactional operations have been rolled back.</summary>
public sealed class DeviceStoreException : Exception
{
    public DeviceStoreException()
    {
    }

    public DeviceStoreException(string message)
        : base(message)
    {
    }

    public DeviceStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
