using System.Net.WebSockets;
using Actors.Edge.Modules.EdgeHub.Security;
using Actors.Kernel.Actor;
using Microsoft.Extensions.Logging;

namespace Actors.Edge.Modules.EdgeHub.Connection;

/// <summary>The socket work, run off the actor thread; every outcome comes back as a message tagged with the socket's generation.</summary>
internal sealed partial class CloudConnectionActor
{
    private const int ReadChunkBytes = 16 * 1024;

    private async Task<object> ConnectAsync(int generation, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        EdgeCredentials? credentials = null;
        try
        {
            socket.Options.SetRequestHeader("node_id", _settings.NodeId);
            socket.Options.SetRequestHeader("project_id", _settings.ProjectId);
            socket.Options.SetRequestHeader("ConnectionUse", "msg");
            if (!_settings.IsPlain)
            {
                credentials = await _credentials!(cancellationToken);
                MutualTlsClient.Apply(socket.Options, credentials);
            }

            using var handshake = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            handshake.CancelAfter(_settings.HandshakeTimeout);
            await socket.ConnectAsync(_settings.EventsUri, handshake.Token);
            cancellationToken.ThrowIfCancellationRequested(); // the actor stopped meanwhile: do not leak the socket
            return new Connected(generation, socket, credentials);
        }
        catch (Exception e)
        {
            socket.Dispose();
            credentials?.Dispose();
            return new ConnectFailed(generation, e is OperationCanceledException && !cancellationToken.IsCancellationRequested
                ? new TimeoutException("handshake timed out after " + _settings.HandshakeTimeout, e)
                : e);
        }
    }

    /// <summary>One write, bounded in real time (like the handshake): socket deadlines are about the network, not the actor clock.</summary>
    private static async Task WriteAsync(ClientWebSocket socket, byte[] frame, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        await socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, deadline.Token);
    }

    /// <summary>
    /// Reads whole messages (text or binary, as KubeEdge's reader accepts both). A message above
    /// <paramref name="maxBytes"/> is read to its end and discarded with a warning; the connection survives.
    /// </summary>
    private static async Task ReadLoopAsync(
        ClientWebSocket socket, int generation, int maxBytes, IActorRef self, ILogger logger, CancellationToken cancellationToken)
    {
        var chunk = new byte[ReadChunkBytes];
        using var message = new MemoryStream();
        long total = 0;
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(chunk, cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    self.Tell(new ReadEnded(generation, $"closed by cloudhub ({result.CloseStatus} {result.CloseStatusDescription})"), ActorRefs.NoSender);
                    return;
                }

                total += result.Count;
                if (total <= maxBytes)
                {
                    message.Write(chunk, 0, result.Count);
                }

                if (!result.EndOfMessage)
                {
                    continue;
                }

                if (total <= maxBytes)
                {
                    self.Tell(new Incoming(generation, message.ToArray()), ActorRefs.NoSender);
                }
                else
                {
                    logger.LogWarning("Dropped a {Bytes}-byte message from cloudhub: larger than the limit of {Limit} bytes", total, maxBytes);
                }

                message.SetLength(0);
                total = 0;
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            self.Tell(new ReadEnded(generation, "read failed: " + e.Message), ActorRefs.NoSender);
        }
    }

    private sealed record ConnectNow
    {
        public static ConnectNow Instance { get; } = new();
    }

    private sealed record SendKeepalive
    {
        public static SendKeepalive Instance { get; } = new();
    }

    private sealed record Connected(int Generation, ClientWebSocket Socket, EdgeCredentials? Credentials);

    private sealed record ConnectFailed(int Generation, Exception Error);

    private sealed record Incoming(int Generation, byte[] Frame);

    private sealed record Written(int Generation, long OutboxSeq);

    private sealed record WriteFailed(int Generation, Exception Error);

    private sealed record ReadEnded(int Generation, string Reason);
}
