using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Actors.Kernel.Actor;
using Actors.Kernel.Modules;
using Actors.Messages.Bus;
using Actors.Messages.Routing;
using Actors.Messages.Wire;

namespace Actors.Edge.Tests.EdgeD.Support;

/// <summary>
/// Stands in for MetaManager on the bus (module <c>metamanager</c>, group <c>meta</c>): records what EdgeD sends and
/// answers <c>query</c> requests like MetaManager's local path (content = JSON array of stored value strings; empty
/// when the object is unknown).
/// </summary>
internal sealed class FakeMetaManager(MetaRecorder recorder) : IModule
{
    public ConcurrentDictionary<string, string> Objects { get; } = new(StringComparer.Ordinal);

    public string Name => ModuleNames.MetaManager;

    public string Group => Groups.Meta;

    public bool Enabled => true;

    public Props CreateProps(ModuleContext context) => Props.Create(() => new FakeMetaActor(context, recorder, Objects));

    private sealed class FakeMetaActor : ActorBase
    {
        private readonly ModuleContext _context;
        private readonly MetaRecorder _recorder;
        private readonly ConcurrentDictionary<string, string> _objects;

        public FakeMetaActor(ModuleContext context, MetaRecorder recorder, ConcurrentDictionary<string, string> objects)
        {
            _context = context;
            _recorder = recorder;
            _objects = objects;
        }

        protected override bool Receive(object message)
        {
            if (message is not BusMessage bus)
            {
                return false;
            }

            var envelope = bus.Envelope;
            if (envelope.Route.Operation == Operations.Query)
            {
                var values = _objects.TryGetValue(envelope.Route.Resource, out var json) ? new[] { json } : [];
                var content = MessageContent.FromJson(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(values)));
                _context.Bus.SendResponse(new BusMessage(MessageEnvelope.ResponseTo(envelope, MessageHeader.New(_context.Time), content)));
            }

            _recorder.Add(envelope);
            return true;
        }
    }
}
