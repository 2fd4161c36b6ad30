using Actors.Kernel.Configuration;
using Actors.Kernel.Configuration.Binding;

namespace Actors.Edge.Host;

/// <summary>
/// <c>edgecore.modules.devicetwin</c>: device twins and membership. <see cref="Database"/> is the SQLite file holding
/// the tables <c>device</c>, <c>device_attr</c>, <c>device_twin</c> and <c>device_cloud_outbox</c> (default
/// <c>&lt;data-dir&gt;/edgecore.db</c>, shared with MetaManager as in KubeEdge; versions in <c>schema_versions</c>).
/// </summary>
public sealed record DeviceTwinOptions(
    bool Enable,
    string NodeName,
    string Database,
    TimeSpan ConfirmRetryInterval,
    int MaxWorkAttempts)
{
    public const string Path = "edgecore.modules.devicetwin";
    public const string DatabaseFileName = "edgecore.db";
    public const int DefaultConfirmRetrySeconds = 60;
    public const int DefaultMaxWorkAttempts = 3;

    public static DeviceTwinOptions From(ConfigBinder b)
    {
        ArgumentNullException.ThrowIfNull(b);
        var core = EdgeCoreOptions.From(b);
        var database = b.String(Path + ".database", string.Empty);
        return new DeviceTwinOptions(
            b.Bool(Path + ".enable", true),
            core.NodeName.Length > 0 ? core.NodeName : Environment.MachineName.ToLowerInvariant(),
            database.Length > 0 ? database : System.IO.Path.Combine(core.DataDir, DatabaseFileName),
            b.Duration(Path + ".confirm-retry-interval", TimeSpan.FromSeconds(DefaultConfirmRetrySeconds)),
            b.Int(Path + ".max-work-attempts", DefaultMaxWorkAttempts, 1, 100));
    }

    public static DeviceTwinOptions From(Config c) => OptionsBinding.Bind(c, From);
}
