using System.Net;
using System.Net.WebSockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Actors.Messages.Routing;
using Actors.Messages.Wire;

namespace Actors.Cloud.Tests.CloudHub.Hub;

/// <summary>A test edge: a real ClientWebSocket speaking KubeEdge's framing to CloudHub on loopback.</summary>
internal sealed class EdgeClient : IAsyncDisposable
{
    public const string Project = "e632aba927ea4ac2b575ec1603d56f10";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    private EdgeClient(ClientWebSocket socket, string nodeId)
    {
        Socket = socket;
        NodeId = nodeId;
    }

    public ClientWebSocket Socket { get; }

    public string NodeId { get; }

    /// <summary>Connects with the KubeEdge headers; <paramref name="headerNode"/> overrides node_id ("" omits it).</summary>
    public static async Task<EdgeClient> ConnectAsync(
        int port, string nodeId, string? headerNode = null, bool tls = false, X509Certificate2? clientCert = null,
        X509Certificate2? ca = null, string headerName = "node_id")
    {
        var socket = CreateSocket(nodeId, headerNode, clientCert, ca, headerName);
        try
        {
            using var timeout = new CancellationTokenSource(Deadline);
            var scheme = tls ? "wss" : "ws";
            await socket.ConnectAsync(new Uri($"{scheme}://127.0.0.1:{port}/{Project}/{nodeId}/events"), timeout.Token);
            return new EdgeClient(socket, nodeId);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Attempts a connection that should be refused; returns the HTTP status (0 when the TLS handshake failed).</summary>
    public static async Task<HttpStatusCode> RefusedStatusAsync(
        int port, string nodeId, string? headerNode = null, bool tls = false, X509Certificate2? clientCert = null,
        X509Certificate2? ca = null)
    {
        using var socket = CreateSocket(nodeId, headerNode, clientCert, ca);
        using var timeout = new CancellationTokenSource(Deadline);
        var scheme = tls ? "wss" : "ws";
        var e = await Assert.ThrowsAsync<WebSocketException>(() =>
            socket.ConnectAsync(new Uri($"{scheme}://127.0.0.1:{port}/{Project}/{nodeId}/events"), timeout.Token));
        Assert.NotNull(e);
        return socket.HttpStatusCode;
    }

    public Task SendAsync(MessageEnvelope envelope) => SendRawAsync(EnvelopeCodec.Encode(envelope));

    public async Task SendRawAsync(byte[] frame, WebSocketMessageType type = WebSocketMessageType.Text)
    {
        using var timeout = new CancellationTokenSource(Deadline);
        await Socket.SendAsync(frame, type, true, timeout.Token);
    }

    /// <summary>The next envelope, or null when the server closed the connection.</summary>
    public async Task<MessageEnvelope?> ReceiveAsync()
    {
        using var timeout = new CancellationTokenSource(Deadline);
        var buffer = new byte[4096];
        var used = 0;
        while (true)
        {
            if (used == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2); // grows for large messages; small ones stay small
            }

            var result = await Socket.ReceiveAsync(buffer.AsMemory(used), timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            used += result.Count;
            if (result.EndOfMessage)
            {
                return EnvelopeCodec.Decode(buffer.AsSpan(0, used));
            }
        }
    }

    /// <summary>Expects the server's close frame with <paramref name="status"/> next (not an envelope, not a reset).</summary>
    public async Task ExpectClosedAsync(WebSocketCloseStatus status = WebSocketCloseStatus.NormalClosure)
    {
        var next = await ReceiveAsync();
        Assert.True(next is null, "expected the connection to close, got " + next);
        Assert.Equal(status, Socket.CloseStatus);
    }

    public async Task AckAsync(MessageEnvelope received) => await SendAsync(new MessageEnvelope(
        new MessageHeader(Guid.NewGuid().ToString(), ParentMsgId: received.Header.MsgId),
        new MessageRoute(ModuleNames.MetaManager, Groups.Resource, Operations.Response, received.Route.Resource),
        MessageContent.FromString(WellKnownContent.Ok)));

    public Task KeepaliveAsync() => SendAsync(new MessageEnvelope(
        new MessageHeader(Guid.NewGuid().ToString()),
        new MessageRoute(ModuleNames.EdgeHub, Groups.Resource, Operations.Keepalive, ResourceTypes.Node),
        MessageContent.FromString(WellKnownContent.Ping)));

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (Socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", timeout.Token);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // already gone
        }

        Socket.Dispose();
    }

    private static ClientWebSocket CreateSocket(
        string nodeId, string? headerNode, X509Certificate2? clientCert, X509Certificate2? ca, string headerName = "node_id")
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        var node = headerNode ?? nodeId;
        if (node.Length > 0)
        {
            socket.Options.SetRequestHeader(headerName, node);
        }

        socket.Options.SetRequestHeader("project_id", Project);
        socket.Options.SetRequestHeader("ConnectionUse", "msg");
        if (clientCert is not null)
        {
            socket.Options.ClientCertificates.Add(clientCert);
        }

        if (ca is not null)
        {
            socket.Options.RemoteCertificateValidationCallback = (_, certificate, _, _) => ChainsTo(certificate, ca);
        }

        return socket;
    }

    private static bool ChainsTo(X509Certificate? certificate, X509Certificate2 ca)
    {
        if (certificate is null)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = new X509Certificate2(certificate);
        return chain.Build(leaf);
    }
}
