using Actors.Kernel.Configuration;
using Actors.Kernel.Configuration.Binding;

namespace Actors.Edge.Host;

/// <summary><c>edgecore.modules.servicebus</c> and <c>edgecore.modules.devicetwin</c> switches.</summary>
public sealed record ServiceBusOptions(bool Enable, string Server, bool DeviceTwinEnable)
{
    public const string Path = "edgecore.modules.servicebus";
    public const string DefaultServer = "127.0.0.1:9060";

    public static ServiceBusOptions From(ConfigBinder b)
    {
        ArgumentNullException.ThrowIfNull(b);
        return new ServiceBusOptions(
            b.Bool(Path + ".enable", false),
            b.Endpoint(Path + ".server", DefaultServer),
            b.Bool("edgecore.modules.devicetwin.enable", true));
    }

    public static ServiceBusOptions From(Config c) => OptionsBinding.Bind(c, From);
}
