using System.Collections.Concurrent;
using Actors.Kernel.Actor;
using Actors.Kernel.Diagnostics;

namespace Actors.Kernel.Modules;

/// <summary>
/// The gauge <c>edgeactors_module_mailbox_messages{module}</c>: messages waiting in each module root actor's mailbox,
/// read at scrape time (one per actor system, shared by the module supervisors).
/// </summary>
internal sealed class ModuleMailboxes
{
    private readonly ConcurrentDictionary<string, IActorRef> _actors = new(StringComparer.Ordinal);

    private ModuleMailboxes(MetricsRegistry metrics) =>
        metrics.Observe("edgeactors_module_mailbox_messages", "Messages waiting in a module root actor's mailbox (approximate).", MetricKind.Gauge, ["module"],
            () => _actors.Select(a => new MetricSample([a.Key], Size(a.Value))));

    public static ModuleMailboxes Get(ActorSystem system) => system.GetOrAddExtension(s => new ModuleMailboxes(MetricsRegistry.Get(s)));

    public void Set(string module, IActorRef actor) => _actors[module] = actor;

    public void Remove(string module) => _actors.TryRemove(module, out _);

    private static int Size(IActorRef actor) => actor is LocalActorRef local && !local.IsTerminated ? local.Cell.ApproximateCount() : 0;
}
