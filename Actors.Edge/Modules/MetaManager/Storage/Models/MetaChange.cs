namespace Actors.Edge.Modules.MetaManager.Storage.Models;

/// <summary>
/// One change of a group commit (<see cref="IMetaStore.ApplyAsync"/>): the single-row operations of
/// <see cref="IMetaStore"/>, each with its own outcome, all committed in one transaction or none.
/// </summary>
public abstract record MetaChange
{
    private protected MetaChange()
    {
    }

    /// <summary>As <see cref="IMetaStore.UpsertAsync"/>.</summary>
    public sealed record Upsert(MetaRecord Record) : MetaChange;

    /// <summary>As <see cref="IMetaStore.DeleteAsync"/>.</summary>
    public sealed record Delete(string Key) : MetaChange;

    /// <summary>As <see cref="IMetaStore.DeletePodAsync"/>.</summary>
    public sealed record DeletePod(string Namespace, string Name, string Uid) : MetaChange
    {
        public string Key => $"{Namespace}/pod/{Name}";
    }
}
