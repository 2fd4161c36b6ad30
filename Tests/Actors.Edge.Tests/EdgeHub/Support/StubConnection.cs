using System.Net.WebSockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading.Channels;
using Actors.Messages.Routing;
using Actors.Messages.Wire;

namespace Actors.Edge.Tests.EdgeHub.Support;

/// <summary>One edge connection accepted by <see cref="CloudStub"/>: what the edge sent, and a way to send or drop.</summary>
public sealed class StubConnection(WebSocket socket, string path, IReadOnlyDictionary<string, string> headers, X509Certificate2? clientCertificate)
{
    private readonly Channel<MessageEnvelope> _received = Channel.CreateUnbounded<MessageEnvelope>();
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    public string Path { get; } = path;

    public IReadOnlyDictionary<string, string> Headers { get; } = headers;

    public X509Certificate2? ClientCertificate { get; } = clientCertificate;

    /// <summary>Completes when the socket is closed or aborted (either side).</summary>
    public Task Closed => _closed.Task;

    public Task SendAsync(MessageEnvelope envelope) => SendRawAsync(EnvelopeCodec.Encode(envelope));

    public async Task SendRawAsync(byte[] frame)
    {
        await _writeLock.WaitAsync();
        try
        {
            await socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public Task SendTextAsync(string text) => SendRawAsync(Encoding.UTF8.GetBytes(text));

    /// <summary>Drops the TCP connection without a close handshake.</summary>
    public void Abort() => socket.Abort();

    /// <summary>The next envelope from the edge that matches <paramref name="match"/> (keepalives skipped unless asked for).</summary>
    public async Task<MessageEnvelope> ExpectAsync(Func<MessageEnvelope, bool> match, TimeSpan timeout, bool includeKeepalives = false)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                var envelope = await _received.Reader.ReadAsync(cts.Token);
                if (!includeKeepalives && envelope.Route.Operation == Operations.Keepalive)
                {
                    continue;
                }

                if (match(envelope))
                {
                    return envelope;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException("the edge sent no matching message within " + timeout);
        }
    }

    /// <summary>Everything received so far, without waiting.</summary>
    public List<MessageEnvelope> Drain()
    {
        var all = new List<MessageEnvelope>();
        while (_received.Reader.TryRead(out var e))
        {
            all.Add(e);
        }

        return all;
    }

    internal async Task RunAsync(CancellationToken stopping)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, stopping);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                message.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    _received.Writer.TryWrite(EnvelopeCodec.Decode(message.ToArray()));
                    message.SetLength(0);
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException)
        {
            // The edge (or the test) dropped the connection.
        }
        finally
        {
            _received.Writer.TryComplete();
            _closed.TrySetResult();
        }
    }
}
