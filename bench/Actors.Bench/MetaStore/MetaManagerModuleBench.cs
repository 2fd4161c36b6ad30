using System.Diagnostics;
using Actors.Edge.Modules.MetaManager;
using Actors.Edge.Modules.MetaManager.Client;
using Actors.Edge.Modules.MetaManager.Storage;
using Actors.Kernel.Actor;
using Actors.Kernel.Modules;
using Actors.Messages.Bus;
using Actors.Messages.Routing;
using Actors.Messages.Wire;

namespace Actors.Bench.MetaStore;

/// <summary>
/// The MetaManager module end to end on its bus: cloud inserts/updates (each stored, forwarded, ACKed after its own
/// commit) and edged queries through <see cref="MetaClient"/>, 40/40/20. Measures what the module delivers today, one
/// transaction per cloud message.
/// </summary>
internal static class MetaManagerModuleBench
{
    public static async Task<TimeSpan> RunAsync(string path, int ops)
    {
        var system = ActorSystem.Create("bench-metamanager");
        try
        {
            var acks = new AckCounter();
            var settings = new MetaManagerSettings(path, new MetaStoreOptions(), TimeSpan.FromHours(1), TimeSpan.FromSeconds(60), null);
            var correlation = new ModuleCorrelation(EnvelopeCorrelation.IdOf, EnvelopeCorrelation.ParentIdOf, EnvelopeCorrelation.MarkSync);
            var bus = ModuleHost.Start(system, [new MetaManagerModule(settings), new SinkModule(ModuleNames.EdgeHub, Groups.Hub, acks), new SinkModule(ModuleNames.EdgeD, Groups.EdgeD, null)],
                new ModuleHostOptions(correlation));
            var client = new MetaClient(bus, TimeProvider.System);
            var writes = ops * 4 / 5;
            acks.Expect(writes);
            var sw = Stopwatch.StartNew();
            var queries = new List<Task<string>>();
            for (var i = 0; i < ops; i++)
            {
                if (i % 5 == 4)
                {
                    queries.Add(client.GetPodAsync("default", $"pod-{i / 10}"));
                    continue;
                }

                var name = i % 5 < 2 ? $"pod-{i / 5}" : $"pod-{i / 10}";
                var op = i % 5 < 2 ? Operations.Insert : Operations.Update;
                var json = $$$"""{"metadata":{"name":"{{{name}}}","namespace":"default","uid":"u-{{{name}}}","resourceVersion":"{{{i}}}"},"spec":{"containers":[{"name":"c","image":"nginx:{{{i}}}"}]}}""";
                bus.SendToGroup(Groups.Meta, new BusMessage(new MessageEnvelope(MessageHeader.New(TimeProvider.System),
                    new MessageRoute(ModuleNames.EdgeController, Groups.Resource, op, $"default/pod/{name}"), MessageContent.FromJson(System.Text.Encoding.UTF8.GetBytes(json)))));
            }

            await acks.Done.Task.WaitAsync(TimeSpan.FromMinutes(5));
            await Task.WhenAll(queries.Select(q => q.ContinueWith(_ => 0, TaskScheduler.Default))).WaitAsync(TimeSpan.FromMinutes(5));
            return sw.Elapsed;
        }
        finally
        {
            await system.Terminate();
        }
    }

    private sealed class AckCounter
    {
        private int _left;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Expect(int n) => Volatile.Write(ref _left, n);

        public void Ack()
        {
            if (Interlocked.Decrement(ref _left) == 0)
            {
                Done.TrySetResult();
            }
        }
    }

    private sealed class SinkModule(string name, string group, AckCounter? acks) : IModule
    {
        public string Name => name;

        public string Group => group;

        public bool Enabled => true;

        public Props CreateProps(ModuleContext context) => Props.Create(() => new SinkActor(acks));
    }

    private sealed class SinkActor : ReceiveActor
    {
        public SinkActor(AckCounter? acks) => Receive<BusMessage>(m =>
        {
            if (acks is not null && m.Envelope.Route.Operation == Operations.Response)
            {
                acks.Ack();
            }
        });
    }
}
