using System.Net.WebSockets;

namespace Actors.Bench.CloudHub;

/// <summary>Client WebSockets for the simulated edges (child process): KubeEdge headers, many connects in parallel.</summary>
internal static class EdgeSockets
{
    public const string Project = "e632aba927ea4ac2b575ec1603d56f10";

    /// <summary>Connects <paramref name="count"/> sockets to <paramref name="url"/>(i), at most 200 handshakes at once.</summary>
    public static async Task<ClientWebSocket[]> ConnectAllAsync(int count, Func<int, Uri> url, Func<int, string?> node)
    {
        using var gate = new SemaphoreSlim(200);
        return await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            await gate.WaitAsync().ConfigureAwait(false);
            try
            {
                var socket = new ClientWebSocket();
                socket.Options.KeepAliveInterval = TimeSpan.Zero; // KubeEdge keepalives are application messages
                if (node(i) is { } id)
                {
                    socket.Options.SetRequestHeader("node_id", id);
                    socket.Options.SetRequestHeader("project_id", Project);
                    socket.Options.SetRequestHeader("ConnectionUse", "msg");
                }

                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
                await socket.ConnectAsync(url(i), timeout.Token).ConfigureAwait(false);
                return socket;
            }
            finally
            {
                gate.Release();
            }
        })).ConfigureAwait(false);
    }

    /// <summary>Reads one whole message into <paramref name="buffer"/> (grown if needed); null at close.</summary>
    public static async Task<(byte[] Buffer, int Length)?> ReceiveAsync(WebSocket socket, byte[] buffer)
    {
        var used = 0;
        while (true)
        {
            if (used == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }

            var result = await socket.ReceiveAsync(buffer.AsMemory(used), CancellationToken.None).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            used += result.Count;
            if (result.EndOfMessage)
            {
                return (buffer, used);
            }
        }
    }
}
