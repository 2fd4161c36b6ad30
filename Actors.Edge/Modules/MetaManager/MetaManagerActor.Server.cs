using Actors.Edge.Modules.MetaManager.Server;
using Actors.Kernel.Actor;
using Microsoft.Extensions.Logging;

namespace Actors.Edge.Modules.MetaManager;

/// <summary>MetaServer reads, served from the store by the owning actor.</summary>
internal sealed partial class MetaManagerActor
{
    private async Task AnswerMetaServerAsync(IMetaServerRequest request)
    {
        try
        {
            object answer = request switch
            {
                MetaServerGet g => new MetaServerObject((await Store.GetAsync(g.Key))?.Value),
                MetaServerList l => new MetaServerObjects(await ValuesAsync(l.Type, l.Namespace)),
                MetaServerWatchRequest w => new MetaServerWatch(
                    [.. (await Store.ListAsync(w.Type, w.Namespace)).Records.Select(r => (r.Key, r.Value))], _feed.Subscribe(w.Type, w.Namespace)),
                _ => throw new ArgumentException("unknown MetaServer request " + request.GetType().Name),
            };
            Sender.Tell(answer, Self);
        }
        catch (Exception e)
        {
            Sender.Tell(new Status.Failure(e), Self);
        }
    }

    /// <summary>
    /// Starts the MetaServer when configured. Its port being taken does not stop MetaManager (the store and the cloud
    /// traffic keep working): the failure is logged and the start retried with a doubling delay up to 30 s.
    /// </summary>
    private void TryStartMetaServer(int attempt)
    {
        if (_settings.MetaServer is not { } endpoint || _server is not null)
        {
            return;
        }

        var server = new MetaServer(endpoint, Self, _log);
        try
        {
            server.StartAsync().GetAwaiter().GetResult();
        }
        catch (IOException e)
        {
            server.DisposeAsync().AsTask().GetAwaiter().GetResult();
            var delay = TimeSpan.FromTicks(Math.Min(MaxRetryDelay.Ticks, TimeSpan.FromSeconds(1).Ticks << Math.Min(attempt - 1, 5)));
            _log.LogError("MetaServer cannot listen on {Endpoint} (attempt {Attempt}): {Error}; MetaManager keeps working, retrying in {Delay}",
                endpoint, attempt, e.Message, delay);
            Timers.StartSingleTimer("metaserver-start", new StartMetaServer(attempt + 1), delay);
            return;
        }

        _server = server;
        _log.LogInformation("MetaServer listening on {Url}", server.BaseUrl);
        _settings.MetaServerStarted?.Invoke(server.BaseUrl);
    }

    private async Task<IReadOnlyList<string>> ValuesAsync(string type, string? ns)
    {
        var list = await Store.ListAsync(type, ns);
        return [.. list.Records.Select(r => r.Value)];
    }
}
