using Actors.Edge.Modules.MetaManager.Storage.Models;

namespace Actors.Edge.Modules.MetaManager.Storage;

/// <summary>Validation of a group commit before anything is written (bad input fails the whole group).</summary>
internal static class MetaChanges
{
    public static void Validate(IReadOnlyList<MetaChange> changes, int maxValueBytes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var change in changes)
        {
            switch (change)
            {
                case MetaChange.Upsert u: MetaRowRules.Check(u.Record, maxValueBytes, nameof(changes)); break;
                case MetaChange.Delete d: MetaRowRules.CheckKey(d.Key, nameof(changes)); break;
                case MetaChange.DeletePod p:
                    ArgumentException.ThrowIfNullOrEmpty(p.Uid, nameof(changes));
                    MetaRowRules.CheckKey(p.Key, nameof(changes));
                    break;
                default: throw new ArgumentException("unknown change " + change?.GetType().Name, nameof(changes));
            }
        }
    }
}
