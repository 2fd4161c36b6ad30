using System.Net;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Actors.Cloud.Modules.CloudHub;
using Actors.Messages.Routing;

namespace Actors.Cloud.Tests.CloudHub.Hub;

public sealed class CloudHubRefusalTests : Kit
{
    [Fact]
    public async Task MalformedJsonFrame_IsLoggedAndTheSessionAndOthersKeepWorking()
    {
        await using var hub = await HubHarness.StartAsync(this);
        await using var bad = await hub.ConnectAsync("edge-1");
        await using var good = await hub.ConnectAsync("edge-2");
        await bad.SendRawAsync(EdgeClient.Utf8("{\"header\":{\"msg_id\":"));
        await bad.SendRawAsync(EdgeClient.Utf8("not json at all"), WebSocketMessageType.Binary);

        await bad.SendAsync(CloudHubSessionTests.Marker("still-alive"));
        await good.SendAsync(CloudHubSessionTests.Marker("other-node"));
        var ids = new[] { "still-alive", "other-node" };
        hub.Upstream.FishForMessage<CloudHubUpstream>(m => m.Dispatch.Envelope.Header.MsgId == ids[0] || m.Dispatch.Envelope.Header.MsgId == ids[1], HubHarness.Wait);
        hub.Upstream.FishForMessage<CloudHubUpstream>(m => m.Dispatch.Envelope.Header.MsgId == ids[0] || m.Dispatch.Envelope.Header.MsgId == ids[1], HubHarness.Wait);
        Assert.Equal(2, Log.Lines.Count(l => l.Contains("refused a malformed message", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task OversizedFrame_IsRefusedAndLogged_TheSessionSurvives()
    {
        await using var hub = await HubHarness.StartAsync(this, new CloudHubOptions { MaxFrameBytes = 4096 });
        await using var client = await hub.ConnectAsync("edge-1");
        await using var other = await hub.ConnectAsync("edge-2");
        var huge = EdgeClient.Utf8("{\"header\":{\"msg_id\":\"big\"},\"route\":{},\"content\":\"" + new string('x', 100_000) + "\"}");
        await client.SendRawAsync(huge);

        await client.SendAsync(CloudHubSessionTests.Marker("after-big"));
        var up = hub.Upstream.FishForMessage<CloudHubUpstream>(m => m.NodeId == "edge-1", HubHarness.Wait);
        Assert.Equal("after-big", up.Dispatch.Envelope.Header.MsgId);
        Assert.Contains(Log.Lines, l => l.Contains("refused a 100", StringComparison.Ordinal));
        hub.SendPod("edge-2", "uid-1", "1");
        Assert.NotNull(await other.ReceiveAsync());
    }

    [Fact]
    public async Task NodeLimit_RefusesTheExtraNode_ButAllowsReplacement()
    {
        await using var hub = await HubHarness.StartAsync(this, new CloudHubOptions { NodeLimit = 2 });
        await using var a = await hub.ConnectAsync("edge-1");
        await using var b = await hub.ConnectAsync("edge-2");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await EdgeClient.RefusedStatusAsync(hub.Port, "edge-3"));
        Assert.True(Log.Contains("node limit 2 reached"));

        await using var again = await EdgeClient.ConnectAsync(hub.Port, "edge-1");
        hub.ExpectEvent(Operations.Connected, "edge-1");
        hub.SendPod("edge-1", "uid-1", "1");
        Assert.NotNull(await again.ReceiveAsync());
    }

    [Theory]
    [InlineData("", HttpStatusCode.BadRequest)]
    [InlineData("edge-2", HttpStatusCode.Forbidden)]
    [InlineData("Bad_Node!", HttpStatusCode.BadRequest)]
    public async Task WrongOrMissingNodeHeader_IsRefused(string header, HttpStatusCode expected)
    {
        await using var hub = await HubHarness.StartAsync(this);
        Assert.Equal(expected, await EdgeClient.RefusedStatusAsync(hub.Port, "edge-1", header));
        Assert.True(Log.Contains("CloudHub refused a connection"));
        await using var ok = await hub.ConnectAsync("edge-1");
    }

    [Fact]
    public async Task Server_WithoutTlsMaterial_RefusesToStartUnlessInsecure()
    {
        var options = HubHarness.Insecure() with { AllowInsecure = false };
        var server = new Modules.CloudHub.Server.CloudHubServer(TestActor, options, null, null, Log);
        await Assert.ThrowsAsync<ArgumentException>(() => server.StartAsync());

        await using var hub = await HubHarness.StartAsync(this);
        Assert.Contains(Log.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("allow-insecure", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MutualTls_NodeCertificateFromTheCa_IsAccepted()
    {
        await using var hub = await HubHarness.StartAsync(this, tls: true);
        using var cert = hub.Certs.NodeCertificate("edge-1");
        await using var client = await EdgeClient.ConnectAsync(hub.Port, "edge-1", tls: true, clientCert: cert, ca: hub.Certs.Security.Authority.Certificate);
        hub.ExpectEvent(Operations.Connected, "edge-1");
        hub.SendPod("edge-1", "uid-1", "1");
        Assert.Equal("default/pod/web", (await client.ReceiveAsync())!.Route.Resource);
    }

    [Fact]
    public async Task MutualTls_CertificateOfAnotherNode_IsRefused()
    {
        await using var hub = await HubHarness.StartAsync(this, tls: true);
        using var cert = hub.Certs.NodeCertificate("edge-2");
        var status = await EdgeClient.RefusedStatusAsync(hub.Port, "edge-1", tls: true, clientCert: cert, ca: hub.Certs.Security.Authority.Certificate);
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.True(Log.Contains("not 'edge-1'"));
    }

    [Fact]
    public async Task MutualTls_SelfSignedCertificate_IsRefused()
    {
        await using var hub = await HubHarness.StartAsync(this, tls: true);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var subject = new X500DistinguishedNameBuilder();
        subject.AddOrganizationName("system:nodes");
        subject.AddCommonName("system:node:edge-1");
        var request = new CertificateRequest(subject.Build(), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false));
        using var selfSigned = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        await EdgeClient.RefusedStatusAsync(hub.Port, "edge-1", tls: true, clientCert: selfSigned, ca: hub.Certs.Security.Authority.Certificate);

        await Assert.ThrowsAnyAsync<Exception>(() =>
            EdgeClient.ConnectAsync(hub.Port, "edge-1", tls: true, ca: hub.Certs.Security.Authority.Certificate));
        hub.Upstream.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }
}
