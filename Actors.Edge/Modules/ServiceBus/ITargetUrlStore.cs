namespace Actors.Edge.Modules.ServiceBus;

/// <summary>
/// The allow-list of cloud target URLs edge applications may call through the local server (KubeEdge table
/// <c>target_urls</c>). Owned by the ServiceBus actor; calls are synchronous and never concurrent.
/// </summary>
public interface ITargetUrlStore : IDisposable
{
    /// <summary>Every allowed URL.</summary>
    IReadOnlyCollection<string> All();

    /// <summary>Adds a URL (no-op when present).</summary>
    void Add(string url);

    /// <summary>Removes a URL; false when it was not there.</summary>
    bool Remove(string url);
}
