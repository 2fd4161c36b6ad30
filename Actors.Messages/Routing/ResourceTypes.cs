namespace Actors.Messages.Routing;

/// <summary>
/// Resource-type segment names (<c>…/&lt;type&gt;/…</c> in a resource string) and special resources, as in KubeEdge's
/// beehive model, common constants and device controller constants.
/// </summary>
public static class ResourceTypes
{
    public const string Pod = "pod";
    public const string Event = "event";
    public const string ConfigMap = "configmap";
    public const string ServiceAccountToken = "serviceaccounttoken";
    public const string Secret = "secret";
    public const string Node = "node";
    public const string PodList = "podlist";
    public const string PodStatus = "podstatus";
    public const string PodPatch = "podpatch";
    public const string NodeStatus = "nodestatus";
    public const string NodePatch = "nodepatch";
    public const string Rule = "rule";
    public const string RuleEndpoint = "ruleendpoint";
    public const string RuleStatus = "rulestatus";
    public const string Lease = "lease";
    public const string ServiceAccountAccess = "serviceaccountaccess";
    public const string CertificateSigningRequest = "certificatesigningrequest";
    public const string PersistentVolume = "persistentvolume";
    public const string PersistentVolumeClaim = "persistentvolumeclaim";
    public const string VolumeAttachment = "volumeattachment";
    public const string Service = "service";
    public const string Endpoints = "endpoints";
    public const string Volume = "volume";
    public const string Device = "device";
    public const string DeviceModel = "devicemodel";
    public const string DeviceMapper = "devicemapper";
    public const string Membership = "membership";
    public const string Twin = "twin";

    /// <summary>Special resource: the edge asks the cloud for the Kubernetes CA.</summary>
    public const string K8sCaCert = "k8s/ca.crt";

    /// <summary>Resource of EdgeHub's connection broadcasts.</summary>
    public const string NodeConnection = "node/connection";

    /// <summary>Namespace segment used for cluster-scoped objects.</summary>
    public const string NullNamespace = "null";

    /// <summary>First segment of cloud-internal node resources.</summary>
    public const string NodePrefix = "node";
}
