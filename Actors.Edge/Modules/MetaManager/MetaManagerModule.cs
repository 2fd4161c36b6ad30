using Actors.Edge.Host;
using Actors.Kernel.Actor;
using Actors.Kernel.Modules;
using Actors.Messages.Routing;

namespace Actors.Edge.Modules.MetaManager;

/// <summary>
/// The MetaManager module (name <c>metamanager</c>, group <c>meta</c>): the edge's object cache in SQLite, the only
/// owner of the <see cref="Storage.IMetaStore"/>, and the MetaServer when enabled. See README.md in this folder.
/// </summary>
public sealed class MetaManagerModule(MetaManagerSettings settings, bool enabled = true) : IModule
{
    public string Name => ModuleNames.MetaManager;

    public string Group => Groups.Meta;

    public bool Enabled { get; } = enabled;

    /// <summary>The module as configured: database <c>&lt;data-dir&gt;/edgecore.db</c>, enabled per <c>enable</c>.</summary>
    public static MetaManagerModule From(EdgeCoreOptions core, MetaManagerOptions options) =>
        new(MetaManagerSettings.From(core, options), options.Enable);

    public Props CreateProps(ModuleContext context) => Props.Create(() => new MetaManagerActor(context, settings));
}
