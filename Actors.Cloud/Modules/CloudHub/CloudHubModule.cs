using Actors.Kernel.Actor;
using Actors.Kernel.Modules;
using Actors.Messages.Routing;

namespace Actors.Cloud.Modules.CloudHub;

/// <summary>
/// CloudHub on the module bus (name and group <c>cloudhub</c>): envelopes other cloud modules send it go to the node
/// named in their resource; what edges send comes back onto the bus. See <see cref="CloudHubModuleActor"/>.
/// </summary>
public sealed class CloudHubModule(CloudHubModuleSettings settings) : IModule
{
    public string Name => ModuleNames.CloudHub;

    public string Group => Groups.CloudHub;

    public bool Enabled => settings.Enabled;

    public Props CreateProps(ModuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Props.Create(() => new CloudHubModuleActor(settings, context));
    }
}
