using Actors.Kernel.Actor;
using Actors.Kernel.Modules;

namespace Actors.Bench.DeviceTwin;

/// <summary>A bench module that hands every message it receives to <paramref name="onMessage"/> (on its actor's thread).</summary>
internal sealed class SinkModule(string name, string group, Action<object, ModuleContext> onMessage) : IModule
{
    public string Name { get; } = name;

    public string Group { get; } = group;

    public bool Enabled => true;

    public Props CreateProps(ModuleContext context) => Props.Create(() => new SinkActor(context, onMessage));

    private sealed class SinkActor(ModuleContext context, Action<object, ModuleContext> onMessage) : ActorBase
    {
        protected override bool Receive(object message)
        {
            onMessage(message, context);
            return true;
        }
    }
}
