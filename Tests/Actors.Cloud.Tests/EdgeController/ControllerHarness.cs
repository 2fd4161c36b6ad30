using Actors.Cloud.Kubernetes.Client;
using Actors.Cloud.Kubernetes.Config;
using Actors.Cloud.Modules.EdgeController;
using Actors.Cloud.Tests.ApiServer;
using Actors.Kernel.Actor;
using Actors.Kernel.Modules;
using Actors.Messages.Bus;
using Actors.Messages.Routing;
using Actors.Messages.Wire;
using Actors.TestKit;

namespace Actors.Cloud.Tests.EdgeController;

/// <summary>
/// An embedded API server, a test client on it, and a module bus holding the controller under test plus a module
/// named <c>cloudhub</c> that forwards everything it gets to a probe (the stand-in for CloudHub).
/// </summary>
public sealed class ControllerHarness : IAsyncDisposable
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private ControllerHarness(ApiServerHarness api, KubernetesClient client, ApiClientSource source)
    {
        Api = api;
        Client = client;
        Source = source;
    }

    public ApiServerHarness Api { get; }

    /// <summary>The test's own client (not rate limited).</summary>
    public KubernetesClient Client { get; }

    /// <summary>What the controllers get their client from.</summary>
    public ApiClientSource Source { get; }

    public ModuleBus Bus { get; private set; } = null!;

    public static async Task<ControllerHarness> StartAsync()
    {
        var api = await ApiServerHarness.StartAsync();
        var client = new KubernetesClient(KubeConfigLoader.Load(api.Server.KubeconfigPath), new KubernetesClientOptions { Qps = 0 });
        var source = new ApiClientSource(api.Server.KubeconfigPath, new KubernetesClientOptions { Qps = 0 });
        return new ControllerHarness(api, client, source);
    }

    /// <summary>Starts the bus with <paramref name="module"/> and the CloudHub stand-in that reports to <paramref name="cloudHub"/>.</summary>
    public void StartBus(ActorSystem system, IModule module, IActorRef cloudHub) =>
        Bus = ModuleHost.Start(system, [module, new ForwardingModule(ModuleNames.CloudHub, cloudHub)], Actors.Cloud.Host.CloudModules.BusOptions(TestConfig()));

    /// <summary>Sends an edge message (cloud-form resource) to a controller as CloudHub would.</summary>
    public void Upstream(string module, string source, string group, string operation, string resource, MessageContent content, string? msgId = null)
    {
        var header = new MessageHeader(msgId ?? Guid.NewGuid().ToString(), Timestamp: DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        Bus.Send(module, new BusMessage(new MessageEnvelope(header, new MessageRoute(source, group, operation, resource), content)));
    }

    /// <summary>Receives envelopes sent to CloudHub until one matches.</summary>
    public static MessageEnvelope Next(TestProbe probe, Func<MessageEnvelope, bool> match, string hint) =>
        probe.FishForMessage<BusMessage>(m => match(m.Envelope), Wait, hint).Envelope;

    /// <summary>Receives envelopes until every resource in <paramref name="resources"/> was seen with <paramref name="operation"/> (any order).</summary>
    public static void All(TestProbe probe, string operation, params string[] resources)
    {
        var missing = new HashSet<string>(resources, StringComparer.Ordinal);
        while (missing.Count > 0)
        {
            Next(probe, e => e.Route.Operation == operation && missing.Remove(e.Route.Resource), "one of " + string.Join(", ", missing));
        }
    }

    /// <summary>The next envelope sent to CloudHub, whatever it is.</summary>
    public static MessageEnvelope Next(TestProbe probe) => probe.ExpectMsg<BusMessage>(Wait).Envelope;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        Source.Dispose();
        await Api.DisposeAsync();
    }

    private static Actors.Kernel.Configuration.Config TestConfig() =>
        Actors.Kernel.Configuration.ConfigurationFactory.ParseString("cloudcore.modules { apiserver.enable = on, cloudhub.enable = on, edgecontroller.enable = on, devicecontroller.enable = on, router.enable = on }");

    /// <summary>A module whose actor forwards every message to a probe.</summary>
    private sealed class ForwardingModule(string name, IActorRef target) : IModule
    {
        public string Name => name;

        public string Group => name;

        public bool Enabled => true;

        public Props CreateProps(ModuleContext context) => Props.Create(() => new ForwardingActor(target));
    }

    private sealed class ForwardingActor : ReceiveActor
    {
        public ForwardingActor(IActorRef target) => ReceiveAny(m => target.Forward(m));
    }
}
