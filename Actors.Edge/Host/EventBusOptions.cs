using Actors.Kernel.Configuration;
using Actors.Kernel.Configuration.Binding;

namespace Actors.Edge.Host;

/// <summary><c>edgecore.modules.eventbus</c>: MQTT bridge to devices and applications.</summary>
public sealed record EventBusOptions(bool Enable, string Mode, string InternalServer, string ExternalServer)
{
    public const string Path = "edgecore.modules.eventbus";
    public const string DefaultMode = "internal";
    public const string DefaultInternalServer = "tcp://127.0.0.1:1884";
    public const string DefaultExternalServer = "tcp://127.0.0.1:1883";

    public static EventBusOptions From(ConfigBinder b)
    {
        ArgumentNullException.ThrowIfNull(b);
        return new EventBusOptions(
            b.Bool(Path + ".enable", true),
            b.OneOf(Path + ".mode", DefaultMode, "internal", "external", "both"),
            b.Uri(Path + ".internal-server", DefaultInternalServer, false, "tcp"),
            b.Uri(Path + ".external-server", DefaultExternalServer, false, "tcp", "ssl"));
    }

    public static EventBusOptions From(Config c) => OptionsBinding.Bind(c, From);
}
