using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using Actors.Cloud.Modules.CloudHub.Sessions;

namespace Actors.Cloud.Tests.CloudHub.Sessions;

public sealed class FrameSenderTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task TryEnqueue_ManyFramesQueuedAtOnce_AllArriveWholeAndInOrder()
    {
        var (server, client) = await PairAsync();
        using (server)
        using (client)
        {
            var failures = new List<string>();
            using var sender = new FrameSender(server, 1000, TimeSpan.FromSeconds(10), failures.Add);
            const int count = 3 * FrameSender.MaxBatch + 5; // several batches
            for (var i = 0; i < count; i++)
            {
                Assert.True(sender.TryEnqueue(Encoding.UTF8.GetBytes("frame-" + i)));
            }

            var buffer = new byte[256];
            for (var i = 0; i < count; i++)
            {
                using var timeout = new CancellationTokenSource(Wait);
                var result = await client.ReceiveAsync(buffer, timeout.Token);
                Assert.True(result.EndOfMessage);
                Assert.Equal("frame-" + i, Encoding.UTF8.GetString(buffer, 0, result.Count));
            }

            Assert.Empty(failures);
        }
    }

    private static async Task<(WebSocket Server, WebSocket Client)> PairAsync()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(1);
        var connecting = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var accept = listener.AcceptAsync();
        await connecting.ConnectAsync(listener.LocalEndPoint!).WaitAsync(Wait);
        var accepted = await accept.WaitAsync(Wait);
        var server = WebSocket.CreateFromStream(new NetworkStream(accepted, ownsSocket: true), isServer: true, null, Timeout.InfiniteTimeSpan);
        var client = WebSocket.CreateFromStream(new NetworkStream(connecting, ownsSocket: true), isServer: false, null, Timeout.InfiniteTimeSpan);
        return (server, client);
    }
}
