using System.Net;
using Actors.Cloud.Kubernetes.Client;
using Actors.Cloud.Modules.Router;
using Actors.Kernel.Modules;
using Actors.Messages.Bus;
using Actors.Messages.Routing;
using Actors.Messages.Wire;
using Actors.TestKit.Modules;
using Actors.TestKit;

namespace Actors.Cloud.Tests.Router;

/// <summary>A bus with the real Router module (REST listener on a free port) and a probe standing in for CloudHub.</summary>
public abstract class RouterTestBase : TestKit.TestKit
{
    protected static readonly TimeSpan Long = TimeSpan.FromSeconds(20);
    private readonly HttpClient _outbound = new(new SocketsHttpHandler { UseProxy = false });

    protected RouterTestBase() => CloudHub = CreateTestProbe();

    protected TestProbe CloudHub { get; }

    protected ModuleBus Bus { get; private set; } = null!;

    /// <summary>Starts the bus and returns the listener's address.</summary>
    protected Uri Start(TimeSpan? restTimeout = null, Func<CancellationToken, Task<KubernetesClient>>? client = null, TimeSpan? ruleStatusInterval = null)
    {
        var listening = CreateTestProbe();
        Sys.EventStream.Subscribe(listening.Ref, typeof(RouterListening));
        var settings = new RouterSettings(new IPEndPoint(IPAddress.Loopback, 0), restTimeout ?? TimeSpan.FromSeconds(20))
        {
            RuleStatusInterval = ruleStatusInterval ?? TimeSpan.FromSeconds(10),
        };
        var correlation = new ModuleCorrelation(EnvelopeCorrelation.IdOf, EnvelopeCorrelation.ParentIdOf, EnvelopeCorrelation.MarkSync);
        Bus = ModuleHost.Start(Sys, [new RouterModule(true, settings, client, _outbound), new ProbeModule(ModuleNames.CloudHub, Groups.CloudHub, CloudHub.Ref)], new ModuleHostOptions(correlation));
        return listening.ExpectMsg<RouterListening>(Long).Address;
    }

    protected void Rules(params Actors.Cloud.Kubernetes.Models.Rule[] rules) => Bus.Send(ModuleNames.Router, new RulesChanged(RouterFixtures.Table(rules)));

    protected MessageEnvelope ExpectToNode() => CloudHub.ExpectMsg<BusMessage>(Long).Envelope;

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _outbound.Dispose();
        }
    }
}
