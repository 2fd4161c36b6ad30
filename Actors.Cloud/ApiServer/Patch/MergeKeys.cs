namespace Actors.Cloud.ApiServer.Patch;

/// <summary>
/// Strategic-merge keys of the core types, by the field name of the list (Kubernetes' patchMergeKey tags).
/// Lists not named here are replaced as a whole, except the "merge" lists of scalars (finalizers).
/// </summary>
public static class MergeKeys
{
    private static readonly Dictionary<string, string> ByField = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["containers"] = "name",
        ["initContainers"] = "name",
        ["ephemeralContainers"] = "name",
        ["volumes"] = "name",
        ["volumeMounts"] = "mountPath",
        ["volumeDevices"] = "devicePath",
        ["env"] = "name",
        ["ports"] = "containerPort",
        ["conditions"] = "type",
        ["containerStatuses"] = "name",
        ["initContainerStatuses"] = "name",
        ["imagePullSecrets"] = "name",
        ["hostAliases"] = "ip",
        ["tolerations"] = "key",
        ["ownerReferences"] = "uid",
        ["addresses"] = "type",
        ["taints"] = "key",
        ["podIPs"] = "ip",
        ["readinessGates"] = "conditionType",
        ["topologySpreadConstraints"] = "topologyKey",
    };

    private static readonly HashSet<string> MergedScalarLists = new HashSet<string>(StringComparer.Ordinal) { "finalizers" };

    /// <summary>The merge key for a list field under <paramref name="parentPath"/> ("spec", "spec.ports" of a Service...).</summary>
    public static string? For(string field, string parentPath)
    {
        if (field == "ports" && parentPath == "spec")
        {
            return "port"; // Service ports merge on port; container ports on containerPort.
        }

        return ByField.TryGetValue(field, out var key) ? key : null;
    }

    public static bool MergesScalars(string field) => MergedScalarLists.Contains(field);
}
