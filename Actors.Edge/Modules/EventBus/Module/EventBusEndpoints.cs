using System.Net;

namespace Actors.Edge.Modules.EventBus.Module;

/// <summary>The internal server URI (<c>tcp://HOST:PORT</c>) as the broker's listen endpoint.</summary>
internal static class EventBusEndpoints
{
    public static IPEndPoint ListenEndPoint(string uri)
    {
        var parsed = new Uri(uri);
        var address = parsed.HostNameType == UriHostNameType.Dns
            ? (string.Equals(parsed.Host, "localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback : Dns.GetHostAddresses(parsed.Host)[0])
            : IPAddress.Parse(parsed.Host.Trim('[', ']'));
        return new IPEndPoint(address, parsed.Port);
    }
}
