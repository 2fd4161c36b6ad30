using System.Net.Sockets;

namespace Actors.Cri.Grpc;

/// <summary>
/// Builds the <see cref="SocketsHttpHandler"/> a gRPC client uses to reach a server listening on a
/// unix domain socket: every connection the pool opens is a new connection to the socket path.
/// The handler keeps connections (HTTP/2 multiplexes calls over one), so one handler per endpoint.
/// </summary>
public static class UnixSocketHttpHandler
{
    /// <summary>Creates a handler whose connections all go to <paramref name="socketPath"/>.</summary>
    public static SocketsHttpHandler Create(string socketPath, TimeSpan connectTimeout)
    {
        ArgumentException.ThrowIfNullOrEmpty(socketPath);
        return new SocketsHttpHandler
        {
            ConnectTimeout = connectTimeout,
            UseProxy = false,
            AllowAutoRedirect = false,
            UseCookies = false,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            EnableMultipleHttp2Connections = true,
            KeepAlivePingDelay = TimeSpan.FromSeconds(60),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(20),
            ConnectCallback = (_, cancellationToken) => ConnectAsync(socketPath, cancellationToken),
        };
    }

    private static async ValueTask<Stream> ConnectAsync(string socketPath, CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
