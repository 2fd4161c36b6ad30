using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Actors.Cloud.Modules.CloudHub;
using Actors.Kernel.Actor;
using Actors.Messages.Routing;

namespace Actors.Cloud.Tests.CloudHub.Hub;

/// <summary>Refused connections (bad or missing certificates, wrong node ids) never disturb a node already connected.</summary>
public sealed class CloudHubIsolationTests : Kit
{
    [Fact]
    public async Task RefusedConnections_ConnectedNodeKeepsReceivingAndAcknowledging()
    {
        await using var hub = await HubHarness.StartAsync(this, tls: true);
        var ca = hub.Certs.Security.Authority.Certificate;
        using var good = hub.Certs.NodeCertificate("edge-1");
        await using var edge = await EdgeClient.ConnectAsync(hub.Port, "edge-1", tls: true, clientCert: good, ca: ca);
        hub.ExpectEvent(Operations.Connected, "edge-1");
        using var selfSigned = SelfSigned("edge-2");

        await EdgeClient.RefusedStatusAsync(hub.Port, "edge-2", tls: true, clientCert: selfSigned, ca: ca); // TLS handshake fails
        await Assert.ThrowsAnyAsync<Exception>(() => EdgeClient.ConnectAsync(hub.Port, "edge-3", tls: true, ca: ca)); // no certificate
        Assert.Equal(HttpStatusCode.Forbidden, await EdgeClient.RefusedStatusAsync(hub.Port, "edge-4", tls: true, clientCert: good, ca: ca));
        Assert.Equal(HttpStatusCode.Forbidden, await EdgeClient.RefusedStatusAsync(hub.Port, "edge-1", "edge-9", tls: true, clientCert: good, ca: ca));

        var sent = hub.SendPod("edge-1", "uid-1", "2");
        var received = await edge.ReceiveAsync();
        Assert.Equal(sent.Header.MsgId, received!.Header.MsgId);
        await edge.AckAsync(received);
        await edge.SendAsync(CloudHubSessionTests.Marker("still-here"));
        hub.Upstream.FishForMessage<CloudHubUpstream>(m => m.Dispatch.Envelope.Header.MsgId == "still-here", HubHarness.Wait);
        var nodes = await hub.Hub.Ask<ConnectedNodes>(GetConnectedNodes.Instance, HubHarness.Wait);
        Assert.Equal(["edge-1"], nodes.NodeIds);
    }

    private static X509Certificate2 SelfSigned(string node)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var subject = new X500DistinguishedNameBuilder();
        subject.AddOrganizationName("system:nodes");
        subject.AddCommonName("system:node:" + node);
        var request = new CertificateRequest(subject.Build(), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
    }
}
