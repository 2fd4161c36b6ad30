namespace Actors.Cloud.Kubernetes.Informers;

/// <summary>What an informer delivers, in the order it applied the changes to its cache.</summary>
public abstract record InformerEvent<T>
    where T : class;

/// <summary>A new object. <paramref name="IsInInitialList"/> is true for objects of the first list.</summary>
public sealed record ObjectAdded<T>(T Object, bool IsInInitialList) : InformerEvent<T>
    where T : class;

/// <summary>A changed object (or, on resync and relist, the same object re-delivered: Old and New may be equal).</summary>
public sealed record ObjectUpdated<T>(T Old, T New) : InformerEvent<T>
    where T : class;

/// <summary>
/// A deleted object. With <paramref name="FinalStateUnknown"/> false, <paramref name="Object"/> is the
/// final state the server sent; with true (client-go's DeletedFinalStateUnknown) the deletion was
/// noticed by a relist and <paramref name="Object"/> is the last state the cache had.
/// </summary>
public sealed record ObjectDeleted<T>(T Object, string Key, bool FinalStateUnknown) : InformerEvent<T>
    where T : class;
