using Actors.Edge.Host;
using Actors.Kernel.Actor;
using Actors.Kernel.Modules;
using Actors.Messages.Routing;

namespace Actors.Edge.Modules.EventBus.Module;

/// <summary>
/// Module <c>eventbus</c> (group <c>bus</c>): the MQTT bridge between devices/applications and the module bus. Mode
/// <c>internal</c> starts our broker and connects to it, <c>external</c> connects to an outside broker (mosquitto),
/// <c>both</c> does both. The topics the cloud asked for are kept in <c>sub_topics</c> (<see cref="EventBusOptions.SubTopicsDatabase"/>).
/// </summary>
public sealed class EventBusModule(EventBusOptions options) : IModule
{
    private readonly SubscribedTopics _topics = new(options.SubTopicsDatabase);

    public string Name => ModuleNames.EventBus;

    public string Group => Groups.Bus;

    public bool Enabled => options.Enable;

    public Props CreateProps(ModuleContext context) => Props.Create(() => new EventBusActor(context, options, _topics));
}
