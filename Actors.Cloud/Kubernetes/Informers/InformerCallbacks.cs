namespace Actors.Cloud.Kubernetes.Informers;

/// <summary>Callback-style handlers (client-go's ResourceEventHandlerFuncs). Unset callbacks are skipped.</summary>
public sealed record InformerCallbacks<T>
    where T : class
{
    public Action<T, bool>? OnAdd { get; init; }

    public Action<T, T>? OnUpdate { get; init; }

    /// <summary>The object and whether its final state is unknown (deletion seen only by a relist).</summary>
    public Action<T, bool>? OnDelete { get; init; }

    public void Dispatch(InformerEvent<T> informerEvent)
    {
        switch (informerEvent)
        {
            case ObjectAdded<T> added:
                OnAdd?.Invoke(added.Object, added.IsInInitialList);
                break;
            case ObjectUpdated<T> updated:
                OnUpdate?.Invoke(updated.Old, updated.New);
                break;
            case ObjectDeleted<T> deleted:
                OnDelete?.Invoke(deleted.Object, deleted.FinalStateUnknown);
                break;
        }
    }
}
