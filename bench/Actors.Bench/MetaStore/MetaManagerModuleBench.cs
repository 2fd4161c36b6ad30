using System.Diagnostics;
using System.Globalization;
using System.Text;
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
/// The MetaManager module end to end: cloud messages (40 % inserts of new pods, 40 % changed updates, 20 % pod
/// deletes with matching UID) sent into the module through the bus as fast as the sender can; measured until every
/// one is committed and ACKed to the hub group (forwards to EdgeD are counted too). Run with group commit
/// (<c>write-batch-size</c>) and with batch size 1 (one transaction per message).
/// </summary>
internal static class MetaManagerModuleBench
{
    public static async Task<(TimeSpan Elapsed, int Acked, int Errors, int Forwarded)> RunAsync(string db, int ops, int batchSize, Func<string, int, string> podJson)
    {
        var system = ActorSystem.Create("metamanager-bench");
        try
        {
            var hub = new CountingModule(ModuleNames.EdgeHub, Groups.Hub, ops);
            var edged = new CountingModule(ModuleNames.EdgeD, Groups.EdgeD, int.MaxValue);
            var settings = new MetaManagerSettings(db, new MetaStoreOptions(), TimeSpan.FromHours(1), TimeSpan.FromSeconds(60), null) { WriteBatchSize = batchSize };
            var correlation = new ModuleCorrelation(EnvelopeCorrelation.IdOf, EnvelopeCorrelation.ParentIdOf, EnvelopeCorrelation.MarkSync);
            var bus = ModuleHost.Start(system, [new MetaManagerModule(settings), hub, edged], new ModuleHostOptions(correlation));
            await new MetaClient(bus, TimeProvider.System, TimeSpan.FromSeconds(30)).ListPodsAsync("default"); // started and store open

            var messages = Messages(ops, podJson);
            var sw = Stopwatch.StartNew();
            foreach (var m in messages)
            {
                bus.SendToGroup(Groups.Meta, new BusMessage(m));
            }

            await hub.Done.Task.WaitAsync(TimeSpan.FromMinutes(5));
            var elapsed = sw.Elapsed;
            await Task.Delay(TimeSpan.FromMilliseconds(500)); // forwards travel to edged apart from the ACKs: let the last ones land before counting
            return (elapsed, hub.Count - hub.Errors, hub.Errors, edged.Count);
        }
        finally
        {
            await system.Terminate().WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    private static List<MessageEnvelope> Messages(int ops, Func<string, int, string> podJson)
    {
        var list = new List<MessageEnvelope>(ops);
        var (inserted, deleted) = (0, 0);
        for (var i = 0; i < ops; i++)
        {
            string op, name;
            switch (i % 5)
            {
                case 0 or 1:
                    (op, name) = (Operations.Insert, $"pod-{inserted++}");
                    break;
                case 2 or 3:
                    (op, name) = (Operations.Update, $"pod-{deleted + (i % Math.Max(1, inserted - deleted))}");
                    break;
                default:
                    (op, name) = (Operations.Delete, $"pod-{deleted++}");
                    break;
            }

            list.Add(new MessageEnvelope(
                new MessageHeader(Guid.NewGuid().ToString(), ResourceVersion: i.ToString(CultureInfo.InvariantCulture)),
                new MessageRoute(ModuleNames.EdgeController, Groups.Resource, op, "default/pod/" + name),
                MessageContent.FromJson(Encoding.UTF8.GetBytes(podJson(name, i)))));
        }

        return list;
    }

    /// <summary>A module that counts what it receives (answers and errors apart) and completes after <c>target</c>.</summary>
    private sealed class CountingModule(string name, string group, int target) : IModule
    {
        private int _count;
        private int _errors;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Count => Volatile.Read(ref _count);

        public int Errors => Volatile.Read(ref _errors);

        public string Name => name;

        public string Group => group;

        public bool Enabled => true;

        public Props CreateProps(ModuleContext context) => Props.Create(() => new Counter(this));

        private void Seen(MessageEnvelope envelope)
        {
            if (envelope.Route.Operation == Operations.Error)
            {
                Interlocked.Increment(ref _errors);
            }

            if (Interlocked.Increment(ref _count) == target)
            {
                Done.TrySetResult();
            }
        }

        private sealed class Counter(CountingModule owner) : ActorBase
        {
            protected override bool Receive(object message)
            {
                if (message is BusMessage { Envelope: var e })
                {
                    owner.Seen(e);
                }

                return true;
            }
        }
    }
}
