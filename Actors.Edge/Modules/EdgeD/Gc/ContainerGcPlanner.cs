namespace Actors.Edge.Modules.EdgeD.Gc;

/// <summary>A dead (exited) container as container GC sees it.</summary>
internal sealed record DeadContainer(string Id, string PodUid, string Name, DateTimeOffset FinishedAt);

/// <summary>
/// kubelet's container GC policy (pure): dead containers younger than <c>MinAge</c> are kept; of the rest, each
/// (pod, container name) keeps its newest <c>MaxPerPodContainer</c>, except for pods no longer on the node, which keep
/// none; then, if more than <c>MaxContainers</c> (&lt; 0 = no limit) dead containers remain, the oldest go.
/// </summary>
internal static class ContainerGcPlanner
{
    public static IReadOnlyList<string> Plan(
        IEnumerable<DeadContainer> dead, ISet<string> livePods, DateTimeOffset now, TimeSpan minAge, int maxPerPodContainer, int maxContainers)
    {
        var evictable = dead.Where(d => now - d.FinishedAt >= minAge).ToList();
        var remove = new List<DeadContainer>();
        var kept = new List<DeadContainer>();
        foreach (var group in evictable.GroupBy(d => (d.PodUid, d.Name)))
        {
            var keep = livePods.Contains(group.Key.PodUid) ? Math.Max(0, maxPerPodContainer) : 0;
            var ordered = group.OrderByDescending(d => d.FinishedAt).ToList();
            kept.AddRange(ordered.Take(keep));
            remove.AddRange(ordered.Skip(keep));
        }

        if (maxContainers >= 0 && kept.Count > maxContainers)
        {
            remove.AddRange(kept.OrderBy(d => d.FinishedAt).Take(kept.Count - maxContainers));
        }

        return remove.Select(d => d.Id).ToList();
    }
}
