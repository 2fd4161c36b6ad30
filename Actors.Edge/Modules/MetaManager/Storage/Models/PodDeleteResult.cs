namespace Actors.Edge.Modules.MetaManager.Storage.Models;

/// <summary>Outcome of <see cref="IMetaStore.DeletePodAsync"/>.</summary>
public enum PodDeleteResult
{
    /// <summary>The pod row (and its <c>podpatch</c> row, if any) was deleted.</summary>
    Deleted,

    /// <summary>No pod row with that key.</summary>
    NotFound,

    /// <summary>A pod row exists but its <c>metadata.uid</c> differs; the row was kept.</summary>
    UidMismatch,
}
