using System.Net.WebSockets;
using Actors.Messages.Routing;
using Actors.Messages.Wire;

namespace Actors.Bench.CloudHub;

/// <summary>
/// Child process mode <c>cloudhub --child edges --port P --nodes N</c>: N simulated edges on plain ws, each sending a
/// KubeEdge keepalive every 15 s and acknowledging every downstream message at once. Prints <c>CONNECTED N</c>;
/// ends at <c>STOP</c> (or end of input).
/// </summary>
internal static class EdgeChild
{
    private static readonly TimeSpan KeepaliveEvery = TimeSpan.FromSeconds(15);

    public static async Task<int> RunAsync(int port, int nodes)
    {
        var sockets = await EdgeSockets.ConnectAllAsync(nodes,
            i => new Uri($"ws://127.0.0.1:{port}/{EdgeSockets.Project}/edge-{i}/events"), i => "edge-" + i).ConfigureAwait(false);
        var locks = sockets.Select(_ => new SemaphoreSlim(1)).ToArray();
        var readers = sockets.Select((s, i) => Task.Run(() => ReadLoopAsync(s, locks[i]))).ToArray();
        await Console.Out.WriteLineAsync("CONNECTED " + nodes).ConfigureAwait(false);
        await Console.Out.FlushAsync().ConfigureAwait(false);
        using var stop = new CancellationTokenSource();
        var keepalive = KeepaliveLoopAsync(sockets, locks, stop.Token);
        await Console.In.ReadLineAsync().ConfigureAwait(false);
        await stop.CancelAsync().ConfigureAwait(false);
        foreach (var socket in sockets)
        {
            socket.Abort();
            socket.Dispose();
        }

        await Task.WhenAll(readers.Append(keepalive).Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default))).ConfigureAwait(false);
        return 0;
    }

    private static async Task ReadLoopAsync(ClientWebSocket socket, SemaphoreSlim gate)
    {
        var buffer = new byte[2048];
        try
        {
            while (await EdgeSockets.ReceiveAsync(socket, buffer).ConfigureAwait(false) is var (data, length))
            {
                buffer = data;
                if (!EnvelopeCodec.TryDecode(buffer.AsSpan(0, length), out var envelope, out _) || envelope!.Route.Operation == Operations.Response)
                {
                    continue;
                }

                var ack = new MessageEnvelope(
                    new MessageHeader(Guid.NewGuid().ToString(), ParentMsgId: envelope.Header.MsgId),
                    new MessageRoute(ModuleNames.MetaManager, Groups.Resource, Operations.Response, envelope.Route.Resource),
                    MessageContent.FromString(WellKnownContent.Ok));
                await SendAsync(socket, gate, EnvelopeCodec.Encode(ack)).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
            // stopped or the cloud closed the session
        }
    }

    private static async Task KeepaliveLoopAsync(ClientWebSocket[] sockets, SemaphoreSlim[] locks, CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(KeepaliveEvery, stop).ConfigureAwait(false);
                for (var i = 0; i < sockets.Length; i++)
                {
                    var keepalive = new MessageEnvelope(
                        new MessageHeader(Guid.NewGuid().ToString()),
                        new MessageRoute(ModuleNames.EdgeHub, Groups.Resource, Operations.Keepalive, ResourceTypes.Node),
                        MessageContent.FromString(WellKnownContent.Ping));
                    await SendAsync(sockets[i], locks[i], EnvelopeCodec.Encode(keepalive)).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }

    private static async Task SendAsync(ClientWebSocket socket, SemaphoreSlim gate, byte[] frame)
    {
        await gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (socket.State == WebSocketState.Open)
            {
                await socket.SendAsync(frame, WebSocketMessageType.Text, true, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException)
        {
            // the session is gone; the read loop ends too
        }
        finally
        {
            gate.Release();
        }
    }
}
