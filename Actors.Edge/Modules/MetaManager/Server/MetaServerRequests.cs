namespace Actors.Edge.Modules.MetaManager.Server;

/// <summary>What the MetaServer asks the MetaManager actor (the store's only owner).</summary>
public interface IMetaServerRequest;

/// <summary>The object with this <c>meta</c> key; answered with <see cref="MetaServerObject"/>.</summary>
public sealed record MetaServerGet(string Key) : IMetaServerRequest;

/// <summary>Objects of a type (namespace null = all); answered with <see cref="MetaServerObjects"/>.</summary>
public sealed record MetaServerList(string Type, string? Namespace) : IMetaServerRequest;

/// <summary>Lists and subscribes in one step (no change can fall between); answered with <see cref="MetaServerWatch"/>.</summary>
public sealed record MetaServerWatchRequest(string Type, string? Namespace) : IMetaServerRequest;

public sealed record MetaServerObject(string? Value);

public sealed record MetaServerObjects(IReadOnlyList<string> Values);

/// <summary>The objects now (store key and value) and the feed of later changes.</summary>
public sealed record MetaServerWatch(IReadOnlyList<(string Key, string Value)> Current, WatchFeed.Subscription Subscription);
