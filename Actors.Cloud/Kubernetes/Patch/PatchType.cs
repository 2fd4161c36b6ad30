namespace Actors.Cloud.Kubernetes.Patch;

/// <summary>The patch formats the API server accepts, each with its own content type.</summary>
public enum PatchType
{
    /// <summary>RFC 7386 JSON merge patch: application/merge-patch+json.</summary>
    Merge,

    /// <summary>RFC 6902 JSON patch (a list of operations): application/json-patch+json.</summary>
    Json,

    /// <summary>Kubernetes strategic merge patch (core types only): application/strategic-merge-patch+json.</summary>
    StrategicMerge,

    /// <summary>Server-side apply: application/apply-patch+yaml (JSON is valid YAML).</summary>
    Apply,
}
