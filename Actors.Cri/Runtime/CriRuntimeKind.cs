namespace Actors.Cri.Runtime;

/// <summary>Which runtime implements the CRI interfaces.</summary>
public enum CriRuntimeKind
{
    /// <summary>A real CRI runtime (containerd, CRI-O, ...) reached over gRPC on a unix socket.</summary>
    Cri,

    /// <summary>The embedded process runtime: containers are plain local processes; no isolation at all.</summary>
    Process,
}
