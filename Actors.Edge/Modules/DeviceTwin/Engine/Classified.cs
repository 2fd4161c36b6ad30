namespace Actors.Edge.Modules.DeviceTwin.Engine;

/// <summary>What an incoming envelope means to DeviceTwin (KubeEdge's <c>classifyMsg</c>).</summary>
public abstract record Classified;

/// <summary>A request for a worker.</summary>
public sealed record RequestMessage(TwinRequest Request) : Classified;

/// <summary>EdgeHub's link to the cloud went up or down.</summary>
public sealed record ConnectionMessage(bool Connected) : Classified;

/// <summary>The cloud confirmed the message with this id.</summary>
public sealed record ConfirmationMessage(string MsgId) : Classified;

/// <summary>Not for DeviceTwin, or unreadable; <see cref="Reason"/> says why.</summary>
public sealed record IgnoredMessage(string Reason) : Classified;
