namespace Actors.Edge.Modules.EdgeD.Gc;

/// <summary>An image as image GC sees it: id, size, and when it was last seen in use (or first seen).</summary>
internal sealed record ImageUsage(string Id, ulong Size, DateTimeOffset LastUsed, bool InUse);

/// <summary>
/// kubelet's image GC policy (pure): when the image filesystem is above <c>highPercent</c> used, remove unused images,
/// least recently used first, until usage would be at or below <c>lowPercent</c>. Images in use are never removed.
/// </summary>
internal static class ImageGcPlanner
{
    public static IReadOnlyList<string> Plan(IEnumerable<ImageUsage> images, ulong capacityBytes, ulong usedBytes, int highPercent, int lowPercent)
    {
        if (capacityBytes == 0 || usedBytes * 100 <= (ulong)highPercent * capacityBytes)
        {
            return [];
        }

        var toFree = usedBytes - (capacityBytes * (ulong)lowPercent / 100);
        var freed = 0UL;
        var remove = new List<string>();
        foreach (var image in images.Where(i => !i.InUse).OrderBy(i => i.LastUsed))
        {
            if (freed >= toFree)
            {
                break;
            }

            remove.Add(image.Id);
            freed += image.Size;
        }

        return remove;
    }
}
