namespace Actors.Messages.EventBus;

/// <summary>MQTT bridge traffic (module <c>eventbus</c>, group <c>bus</c>).</summary>
public interface IEventBusMessage;

/// <summary>The cloud router publishes <paramref name="Body"/> on an edge MQTT topic (source router_eventbus).</summary>
public sealed record PublishFromCloud(string Topic, string Body) : IEventBusMessage;

/// <summary>The cloud router asks the edge to subscribe to a topic.</summary>
public sealed record SubscribeTopic(string Topic) : IEventBusMessage;

/// <summary>The cloud router asks the edge to unsubscribe from a topic.</summary>
public sealed record UnsubscribeTopic(string Topic) : IEventBusMessage;

/// <summary>An MQTT message the edge forwards to the cloud router (source bus, group user, operation upload).</summary>
public sealed record UploadToCloud(string Topic, string Payload) : IEventBusMessage;

/// <summary>
/// Operation <c>message</c>: content <c>{"message":{"topic":..,...}}</c>; the JSON of <c>message</c> is published on its
/// <c>topic</c> (KubeEdge's eventbus).
/// </summary>
public sealed record PublishMessageJson(string Topic, string Json) : IEventBusMessage;

/// <summary>An MQTT message about a device or the node (<c>$hw/events/device/…</c>, <c>$hw/events/node/…</c>) for DeviceTwin.</summary>
public sealed record DeviceEventFromMqtt(string Topic, string Payload) : IEventBusMessage;
