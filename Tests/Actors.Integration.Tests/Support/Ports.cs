using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace Actors.Integration.Tests.Support;

/// <summary>Free loopback ports for host processes that need to be told their port in advance.</summary>
internal static class Ports
{
    private const int Lowest = 20000;

    /// <summary>
    /// A port that is free now and lies below the kernel's ephemeral range, so the hosts' own outgoing connections
    /// (which take ephemeral ports) cannot occupy it before the host that was told it binds it, even seconds later.
    /// </summary>
    public static int Free()
    {
        var highest = EphemeralLow() - 1;
        for (var attempt = 0; attempt < 200 && highest > Lowest; attempt++)
        {
            var port = RandomNumberGenerator.GetInt32(Lowest, highest + 1);
            try
            {
                using var probe = new TcpListener(IPAddress.Loopback, port);
                probe.Start();
                return port;
            }
            catch (SocketException)
            {
                // taken: try another
            }
        }

        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The low end of <c>/proc/sys/net/ipv4/ip_local_port_range</c> (32768 when unreadable).</summary>
    private static int EphemeralLow()
    {
        try
        {
            var parts = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            return parts.Length > 0 && int.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, out var low) ? low : 32768;
        }
        catch (IOException)
        {
            return 32768;
        }
    }
}
