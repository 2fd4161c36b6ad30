using System.Globalization;
using Actors.Edge.Modules.MetaManager.Storage;
using Actors.Kernel.Actor;
using Actors.Kernel.Modules;
using Actors.Messages.Routing;
using Actors.Messages.Wire;

namespace Actors.Edge.Modules.MetaManager.CrashTest;

/// <summary>
/// <c>edgecore metamanager-crashtest &lt;db-path&gt; &lt;count&gt;</c>: a durability harness, not a service. Runs MetaManager on
/// the database with a stand-in EdgeHub that feeds <c>count</c> cloud inserts (<c>default/configmap/c-N</c>) and prints
/// <c>ACK &lt;resource&gt;</c> for every acknowledgement, then <c>DONE</c>. A test kills it with SIGKILL mid-stream and checks
/// that every acknowledged object is in the database.
/// </summary>
public static class CrashTestCommand
{
    public static int Run(string[] args)
    {
        if (args.Length != 2 || !int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1)
        {
            Console.Error.WriteLine("usage: edgecore metamanager-crashtest <db-path> <count>");
            return 2;
        }

        var system = ActorSystem.Create("crashtest");
        var settings = new MetaManagerSettings(args[0], new MetaStoreOptions(), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(60), null);
        var correlation = new ModuleCorrelation(EnvelopeCorrelation.IdOf, EnvelopeCorrelation.ParentIdOf, EnvelopeCorrelation.MarkSync);
        ModuleHost.Start(system, [new MetaManagerModule(settings), new FeederModule(count)], new ModuleHostOptions(correlation));
        system.WhenTerminated.GetAwaiter().GetResult();
        return 0;
    }

    private sealed class FeederModule(int count) : IModule
    {
        public string Name => ModuleNames.EdgeHub;

        public string Group => Groups.Hub;

        public bool Enabled => true;

        public Props CreateProps(ModuleContext context) => Props.Create(() => new FeederActor(context, count));
    }

    private sealed class FeederActor : ReceiveActor
    {
        private readonly Dictionary<string, string> _pending = new(StringComparer.Ordinal);

        public FeederActor(ModuleContext context, int count)
        {
            for (var i = 0; i < count; i++)
            {
                var resource = $"default/configmap/c-{i}";
                var envelope = new MessageEnvelope(MessageHeader.New(context.Time),
                    new MessageRoute(ModuleNames.EdgeController, Groups.Resource, Operations.Insert, resource),
                    MessageContent.FromJson(System.Text.Encoding.UTF8.GetBytes($$$"""{"metadata":{"name":"c-{{{i}}}","namespace":"default"},"data":{"n":"{{{i}}}"}}""")));
                _pending[envelope.Header.MsgId] = resource;
                context.Bus.SendToGroup(Groups.Meta, new Messages.Bus.BusMessage(envelope));
            }

            Receive<Messages.Bus.BusMessage>(m =>
            {
                if (m.Envelope.Route.Operation == Operations.Response && _pending.Remove(m.Envelope.Header.ParentMsgId, out var resource))
                {
                    Console.Out.WriteLine("ACK " + resource);
                    if (_pending.Count == 0)
                    {
                        Console.Out.WriteLine("DONE");
                    }
                }
            });
        }
    }
}
