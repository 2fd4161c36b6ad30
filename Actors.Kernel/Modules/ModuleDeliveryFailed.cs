namespace Actors.Kernel.Modules;

/// <summary>
/// Published on the event stream (and logged) when the bus cannot deliver: no such module or group, the module is
/// disabled, or it was given up after too many restarts.
/// </summary>
public sealed record ModuleDeliveryFailed(string Target, string? MsgId, string Reason, object Message);
