namespace Actors.Edge.Modules.DeviceTwin.Controller;

/// <summary>The controller's settings, from <c>edgecore.modules.devicetwin</c> and the node name.</summary>
public sealed record TwinControllerSettings(string NodeName, TimeSpan ConfirmRetryInterval, int MaxWorkAttempts);
