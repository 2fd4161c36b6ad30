namespace Actors.Edge.Modules.EventBus.Module;

/// <summary>Published on the event stream when a link (<c>internal</c>/<c>external</c>) first connected and subscribed.</summary>
public sealed record EventBusLinkReady(string Link);
