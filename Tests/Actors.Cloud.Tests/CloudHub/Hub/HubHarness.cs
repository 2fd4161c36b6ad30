using System.Net;
using Actors.Cloud.Modules.CloudHub;
using Actors.Cloud.Modules.CloudHub.Security;
using Actors.Cloud.Modules.CloudHub.Server;
using Actors.Cloud.Modules.CloudHub.Sessions;
using Actors.Cloud.Tests.CloudHub.Security;
using Actors.Kernel.Actor;
using Actors.Messages.CloudHub;
using Actors.Messages.Routing;
using Actors.Messages.Wire;
using Actors.TestKit;

namespace Actors.Cloud.Tests.CloudHub.Hub;

/// <summary>One CloudHub (actor + Kestrel server on a free loopback port) with a probe as its upstream target.</summary>
internal sealed class HubHarness : IAsyncDisposable
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private readonly CloudHubServer _server;
    private readonly TestCerts? _certs;

    private HubHarness(TestProbe upstream, IActorRef hub, CloudHubServer server, TestCerts? certs)
    {
        Upstream = upstream;
        Hub = hub;
        _server = server;
        _certs = certs;
    }

    public TestProbe Upstream { get; }

    public IActorRef Hub { get; }

    public int Port => _server.BoundPort;

    public TestCerts Certs => _certs ?? throw new InvalidOperationException("TLS is off");

    public static CloudHubOptions Insecure(CloudHubOptions? options = null) =>
        (options ?? new CloudHubOptions()) with { ListenAddress = IPAddress.Loopback, Port = 0, AllowInsecure = true };

    public static async Task<HubHarness> StartAsync(
        Kit kit, CloudHubOptions? options = null, bool tls = false, IAckStore? acks = null, string name = "cloudhub")
    {
        options = Insecure(options) with { AllowInsecure = !tls };
        var upstream = kit.CreateTestProbe("upstream-" + name);
        var hub = kit.Sys.ActorOf(CloudHubActor.Props(upstream.Ref, options, acks), name);
        TestCerts? certs = null;
        CloudHubServer server;
        if (tls)
        {
            certs = new TestCerts();
            var serverCert = certs.Security.Issuer.IssueServerCertificate([IPAddress.Loopback], ["localhost"], TimeSpan.FromDays(30));
            var validator = new NodeCertificateValidator(certs.Security.Authority.Certificate, TimeProvider.System);
            server = new CloudHubServer(hub, options, serverCert, validator, kit.Log);
        }
        else
        {
            server = new CloudHubServer(hub, options, null, null, kit.Log);
        }

        await server.StartAsync();
        return new HubHarness(upstream, hub, server, certs);
    }

    /// <summary>Connects a node (plain ws) and waits for its connected event upstream.</summary>
    public async Task<EdgeClient> ConnectAsync(string nodeId)
    {
        var client = await EdgeClient.ConnectAsync(Port, nodeId);
        ExpectEvent(Operations.Connected, nodeId);
        return client;
    }

    public CloudHubUpstream ExpectEvent(string operation, string nodeId) =>
        Upstream.FishForMessage<CloudHubUpstream>(
            m => m.Dispatch.Envelope.Route.Operation == operation && m.NodeId == nodeId
                 && m.Dispatch.Envelope.Route.Source == ModuleNames.CloudHub,
            Wait);

    /// <summary>Hands CloudHub a downstream pod update for <paramref name="nodeId"/>.</summary>
    public MessageEnvelope SendPod(string nodeId, string uid, string version, string name = "web")
    {
        var content = EdgeClient.Utf8($$$"""{"metadata":{"name":"{{{name}}}","namespace":"default","uid":"{{{uid}}}","resourceVersion":"{{{version}}}"}}""");
        var envelope = new MessageEnvelope(
            new MessageHeader(Guid.NewGuid().ToString(), ResourceVersion: version),
            new MessageRoute(ModuleNames.EdgeController, Groups.Resource, Operations.Update,
                NodeResource.Create(nodeId, "default", ResourceTypes.Pod, name).ToString()!),
            MessageContent.FromJson(content));
        Hub.Tell(new DownstreamMessage(nodeId, envelope), ActorRefs.NoSender);
        return envelope;
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        await Hub.GracefulStop(Wait);
        _certs?.Dispose();
    }
}
