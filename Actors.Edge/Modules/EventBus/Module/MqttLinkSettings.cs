using Actors.Edge.Modules.EventBus.Mqtt.Client;
using Actors.Edge.Modules.EventBus.Mqtt.Codec;

namespace Actors.Edge.Modules.EventBus.Module;

/// <summary>How one <see cref="MqttLink"/> connects and publishes.</summary>
internal sealed record MqttLinkSettings(string Name, MqttClientOptions Client, MqttQos PublishQos, bool Retain)
{
    /// <summary>Pause between failed first-connect attempts (KubeEdge: 5 s).</summary>
    public TimeSpan RetryInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the loop checks whether a reconnect needs the subscriptions restored.</summary>
    public TimeSpan CheckInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Deadline for one SUBSCRIBE/UNSUBSCRIBE round trip.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
