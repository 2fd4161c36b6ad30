using System.Net;
using System.Net.Sockets;

namespace Actors.Integration.Tests.Support;

/// <summary>Free loopback ports for host processes that need to be told their port in advance.</summary>
internal static class Ports
{
    /// <summary>A port that was free a moment ago (the OS does not hand it out again at once).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
