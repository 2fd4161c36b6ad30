using Actors.Edge.Modules.MetaManager.Server;
using Actors.Kernel.Actor;

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

    private async Task<IReadOnlyList<string>> ValuesAsync(string type, string? ns)
    {
        var list = await Store.ListAsync(type, ns);
        return [.. list.Records.Select(r => r.Value)];
    }
}
