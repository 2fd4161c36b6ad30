using Actors.Kernel.Configuration;
using Actors.Kernel.Configuration.Binding;

namespace Actors.Edge.Host;

/// <summary><c>edgecore.modules.eventbus</c>: MQTT bridge to devices and applications.</summary>
/// <param name="Enable">Whether the module starts.</param>
/// <param name="Mode"><c>internal</c>, <c>external</c> or <c>both</c>.</param>
/// <param name="InternalServer">Where the internal broker listens (<c>tcp://HOST:PORT</c>).</param>
/// <param name="ExternalServer">The external broker (<c>tcp://</c> or <c>ssl://</c>).</param>
/// <param name="Qos">QoS of publications on the internal broker (KubeEdge's <c>mqttQOS</c>); external ones use QoS 1.</param>
/// <param name="Retain">Retain flag of publications on the internal broker (KubeEdge's <c>mqttRetain</c>).</param>
public sealed record EventBusOptions(bool Enable, string Mode, string InternalServer, string ExternalServer, int Qos = 0, bool Retain = false)
{
    public const string Path = "edgecore.modules.eventbus";
    public const string DefaultMode = "internal";
    public const string DefaultInternalServer = "tcp://127.0.0.1:1884";
    public const string DefaultExternalServer = "tcp://127.0.0.1:1883";
    public const string BrokerStoreFileName = "mqtt-broker.db";

    /// <summary>Whether the internal broker keeps persistent sessions, their undelivered messages and retained messages on disk.</summary>
    public bool BrokerPersistence { get; init; } = true;

    /// <summary>The SQLite file holding KubeEdge's <c>sub_topics</c> table (set by the host: edgecore.db); null keeps them in memory.</summary>
    public string? SubTopicsDatabase { get; init; }

    /// <summary>The internal broker's store file (set by the host from the data directory); null keeps its state in memory.</summary>
    public string? BrokerStore { get; init; }

    public static EventBusOptions From(ConfigBinder b)
    {
        ArgumentNullException.ThrowIfNull(b);
        var persistence = b.Bool(Path + ".broker-persistence", true);
        return new EventBusOptions(
            b.Bool(Path + ".enable", true),
            b.OneOf(Path + ".mode", DefaultMode, "internal", "external", "both"),
            b.Uri(Path + ".internal-server", DefaultInternalServer, false, "tcp"),
            b.Uri(Path + ".external-server", DefaultExternalServer, false, "tcp", "ssl"),
            b.Int(Path + ".qos", 0, 0, 2),
            b.Bool(Path + ".retain", false)) { BrokerPersistence = persistence };
    }

    public static EventBusOptions From(Config c) => OptionsBinding.Bind(c, From);
}
