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
/// when the object is unknown). EdgeD's restore query <c>null/pod</c> is answered with <see cref="StoredPods"/> once
/// <see cref="PodListGate"/> is complete (tests hold it to let bus messages overtake the restore).
/// </summary>
internal sealed class FakeMetaManager(MetaRecorder recorder) : IModule
{
    public ConcurrentDictionary<string, string> Objects { get; } = new(StringComparer.Ordinal);

    /// <summary>The pods "in the database" that EdgeD's start-up restore gets.</summary>
    public ConcurrentQueue<string> StoredPods { get; } = new();

    public TaskCompletionSource PodListGate { get; set; } = Completed();

    private static TaskCompletionSource Completed()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        done.SetResult();
        return done;
    }

    public string Name => ModuleNames.MetaManager;

    public string Group => Groups.Meta;

    public bool Enabled => true;

    public Props CreateProps(ModuleContext context) => Props.Create(() => new FakeMetaActor(context, recorder, this));

    private sealed class FakeMetaActor : ActorBase
    {
        private readonly ModuleContext _context;
        private readonly MetaRecorder _recorder;
        private readonly FakeMetaManager _owner;

        public FakeMetaActor(ModuleContext context, MetaRecorder recorder, FakeMetaManager owner)
        {
            _context = context;
            _recorder = recorder;
            _owner = owner;
        }

        protected override bool Receive(object message)
        {
            if (message is not BusMessage bus)
            {
                return false;
            }

            var envelope = bus.Envelope;
            if (envelope.Route.Operation == Operations.Query && envelope.Route.Resource == "null/pod")
            {
                var (moduleBus, time, owner) = (_context.Bus, _context.Time, _owner);
                _ = owner.PodListGate.Task.ContinueWith(_ => Answer(moduleBus, time, envelope, [.. owner.StoredPods]), TaskScheduler.Default);
            }
            else if (envelope.Route.Operation == Operations.Query)
            {
                Answer(_context.Bus, _context.Time, envelope, _owner.Objects.TryGetValue(envelope.Route.Resource, out var json) ? [json] : []);
            }

            _recorder.Add(envelope);
            return true;
        }

        private static void Answer(ModuleBus bus, TimeProvider time, MessageEnvelope request, string[] values)
        {
            var content = MessageContent.FromJson(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(values)));
            bus.SendResponse(new BusMessage(MessageEnvelope.ResponseTo(request, MessageHeader.New(time), content)));
        }
    }
}
