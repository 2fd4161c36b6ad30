using Actors.Edge.Host;
using Actors.Edge.Modules.DeviceTwin.Controller;
using Actors.Edge.Modules.DeviceTwin.Engine;
using Actors.Edge.Modules.DeviceTwin.Storage;
using Actors.Kernel.Actor;
using Actors.Kernel.Configuration;
using Actors.Kernel.Modules;
using Actors.Messages.Routing;
using Microsoft.Data.Sqlite;

namespace Actors.Edge.Modules.DeviceTwin;

/// <summary>
/// The DeviceTwin module (name and group <c>twin</c>): device membership, twins and state, speaking KubeEdge's MQTT
/// topics through EventBus and its cloud messages through EdgeHub. See README.md in this folder.
/// </summary>
public sealed class DeviceTwinModule : IModule
{
    private readonly DeviceTwinOptions _options;
    private readonly Func<IDeviceStore> _openStore;
    private readonly Func<ModuleContext, ITwinEngine> _engine;

    /// <param name="options">Bound <c>edgecore.modules.devicetwin</c>.</param>
    /// <param name="openStore">Opens the device store (default: SQLite at <see cref="DeviceTwinOptions.Database"/>).</param>
    /// <param name="engine">Creates the planning engine (default: <see cref="TwinEngine"/>).</param>
    public DeviceTwinModule(DeviceTwinOptions options, Func<IDeviceStore>? openStore = null, Func<ModuleContext, ITwinEngine>? engine = null)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _openStore = openStore ?? (() => OpenSqlite(options.Database));
        _engine = engine ?? (context => new TwinEngine(context.Time, options.NodeName));
    }

    public string Name => ModuleNames.DeviceTwin;

    public string Group => Groups.Twin;

    public bool Enabled => _options.Enable;

    /// <summary>The module as configured in <paramref name="config"/> (throws on invalid keys).</summary>
    public static DeviceTwinModule Create(Config config) => new(DeviceTwinOptions.From(config));

    public Props CreateProps(ModuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = new TwinControllerSettings(_options.NodeName, _options.ConfirmRetryInterval, _options.MaxWorkAttempts);
        var engine = _engine(context);
        return Props.Create(() => new TwinController(context, settings, _openStore, engine));
    }

    private static SqliteDeviceStore OpenSqlite(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        return new SqliteDeviceStore(new SqliteConnectionStringBuilder { DataSource = path }.ToString());
    }
}
