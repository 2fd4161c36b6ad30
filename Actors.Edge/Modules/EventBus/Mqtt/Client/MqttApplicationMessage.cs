using Actors.Edge.Modules.EventBus.Mqtt.Codec;

namespace Actors.Edge.Modules.EventBus.Mqtt.Client;

/// <summary>A message received from the broker.</summary>
public sealed record MqttApplicationMessage(string Topic, ReadOnlyMemory<byte> Payload, MqttQos Qos, bool Retain, bool Dup);
