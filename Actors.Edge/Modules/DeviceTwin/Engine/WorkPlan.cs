using Actors.Messages.Wire;

namespace Actors.Edge.Modules.DeviceTwin.Engine;

/// <summary>An MQTT publication (sent to module eventbus).</summary>
public sealed record MqttPublication(string Topic, string Payload);

/// <summary>
/// What a worker decided for one request; the controller carries it out. <see cref="Writes"/> and the
/// <see cref="ToCloud"/> outbox rows are committed in one transaction; only then are <see cref="Devices"/> applied to
/// the cache (an entry per device id, null = removed) and <see cref="Publications"/> published. <see cref="Bases"/> are
/// the cached entries the plan was computed from: if one changed meanwhile the plan is recomputed, never applied.
/// When the commit fails, <see cref="OnStoreFailure"/> (an error reply) is published instead. <see cref="Warning"/>
/// explains a request that was refused without a reply (logged).
/// </summary>
public sealed record WorkPlan(
    IReadOnlyList<IStoreWrite> Writes,
    IReadOnlyDictionary<string, DeviceEntry?> Devices,
    IReadOnlyList<MqttPublication> Publications,
    IReadOnlyList<MessageEnvelope> ToCloud,
    IReadOnlyDictionary<string, DeviceEntry?> Bases,
    MqttPublication? OnStoreFailure = null,
    string? Warning = null)
{
    private static readonly Dictionary<string, DeviceEntry?> NoDevices = [];

    /// <summary>A plan that only publishes (reads, error replies).</summary>
    public static WorkPlan Publish(params MqttPublication[] publications) => new([], NoDevices, publications, [], NoDevices);

    /// <summary>A plan that does nothing but log <paramref name="warning"/>.</summary>
    public static WorkPlan Refused(string warning) => new([], NoDevices, [], [], NoDevices, Warning: warning);
}
