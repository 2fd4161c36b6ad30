using Actors.Cri.Runtime;
using Actors.Edge.Host;
using Actors.Kernel.Actor;
using Actors.Kernel.Configuration;
using Actors.Kernel.Modules;
using Actors.Messages.Routing;

namespace Actors.Edge.Modules.EdgeD;

/// <summary>
/// The EdgeD module (name and group <c>edged</c>): runs the pods MetaManager forwards on a container runtime and
/// reports pod and node status back through MetaManager. See README.md in this folder for the contract.
/// </summary>
public sealed class EdgedModule : IModule
{
    internal EdgedModule(EdgedSettings settings, bool enabled = true)
    {
        var errors = settings.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("invalid EdgeD settings: " + string.Join("; ", errors), nameof(settings));
        }

        Settings = settings;
        Enabled = enabled;
    }

    public string Name => ModuleNames.EdgeD;

    public string Group => Groups.EdgeD;

    public bool Enabled { get; }

    internal EdgedSettings Settings { get; }

    /// <summary>
    /// Builds the module from <c>edgecore</c> configuration: pods and logs under <c>&lt;data-dir&gt;/edged</c>,
    /// the node name from <c>edgecore.node-name</c> (the host name when empty).
    /// </summary>
    public static EdgedModule From(Config config)
    {
        var core = EdgeCoreOptions.From(config);
        var options = EdgedOptions.From(config);
        var root = Path.GetFullPath(Path.Combine(core.DataDir, "edged"));
        var cri = new CriOptions
        {
            Runtime = options.Runtime == "cri" ? CriRuntimeKind.Cri : CriRuntimeKind.Process,
            Endpoint = options.Runtime == "cri" ? options.CriEndpoint : null,
            ProcessRootDirectory = Path.Combine(root, "process-runtime"),
        };
        cri.ThrowIfInvalid();
        var nodeName = core.NodeName.Length > 0 ? core.NodeName : Environment.MachineName.ToLowerInvariant();
        var settings = new EdgedSettings(nodeName, Path.Combine(root, "pods"), Path.Combine(root, "logs"), time => CriRuntime.Create(cri, time))
        {
            PlegRelistPeriod = options.PlegRelistPeriod,
            PodStatusPeriod = options.PodStatusUpdateFrequency,
            NodeStatusPeriod = options.NodeStatusUpdateFrequency,
            NodeLeaseDuration = options.NodeLeaseDuration,
            BackoffInitial = options.RestartBackoffInitial,
            BackoffMax = options.RestartBackoffMax,
            ForceHostNetwork = options.HostNetworkOnly,
            ContainerGcMinAge = options.ContainerGcMinAge,
            MaxPerPodContainer = options.ContainerGcMaxPerPodContainer,
            MaxContainers = options.ContainerGcMaxContainers,
            ImageGcPeriod = options.ImageGcPeriod,
            ImageGcHighThreshold = options.ImageGcHighThreshold,
            ImageGcLowThreshold = options.ImageGcLowThreshold,
        };
        return new EdgedModule(settings, options.Enable);
    }

    public Props CreateProps(ModuleContext context) => Props.Create(() => new EdgedActor(context, Settings));
}
