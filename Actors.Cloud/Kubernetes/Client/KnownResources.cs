using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Actors.Cloud.Kubernetes.Models;

namespace Actors.Cloud.Kubernetes.Client;

/// <summary>The typed resources cloudcore uses (immutable descriptors) and a factory for untyped ones.</summary>
public static class KnownResources
{
    private static readonly KubernetesJsonContext Json = KubernetesJsonContext.Default;

    public static readonly ResourceType<Pod> Pods = Core("pods", "Pod", true, Json.Pod, Json.KubernetesListPod);

    public static readonly ResourceType<Node> Nodes = Core("nodes", "Node", false, Json.Node, Json.KubernetesListNode);

    public static readonly ResourceType<ConfigMap> ConfigMaps =
        Core("configmaps", "ConfigMap", true, Json.ConfigMap, Json.KubernetesListConfigMap);

    public static readonly ResourceType<Secret> Secrets = Core("secrets", "Secret", true, Json.Secret, Json.KubernetesListSecret);

    public static readonly ResourceType<Service> Services =
        Core("services", "Service", true, Json.Service, Json.KubernetesListService);

    public static readonly ResourceType<Endpoints> Endpoints =
        Core("endpoints", "Endpoints", true, Json.Endpoints, Json.KubernetesListEndpoints);

    public static readonly ResourceType<Event> Events = Core("events", "Event", true, Json.Event, Json.KubernetesListEvent);

    public static readonly ResourceType<ServiceAccount> ServiceAccounts =
        Core("serviceaccounts", "ServiceAccount", true, Json.ServiceAccount, Json.KubernetesListServiceAccount);

    public static readonly ResourceType<Namespace> Namespaces =
        Core("namespaces", "Namespace", false, Json.Namespace, Json.KubernetesListNamespace);

    public static readonly ResourceType<Lease> Leases = new(
        new GroupVersionResource("coordination.k8s.io", "v1", "leases"), "Lease", true,
        new TypedObjectCodec<Lease>("Lease", Json.Lease, Json.KubernetesListLease));

    public static readonly ResourceType<Device> Devices = new(
        new GroupVersionResource("devices.kubeedge.io", "v1beta1", "devices"), "Device", true,
        new TypedObjectCodec<Device>("Device", Json.Device, Json.KubernetesListDevice));

    public static readonly ResourceType<DeviceModel> DeviceModels = new(
        new GroupVersionResource("devices.kubeedge.io", "v1beta1", "devicemodels"), "DeviceModel", true,
        new TypedObjectCodec<DeviceModel>("DeviceModel", Json.DeviceModel, Json.KubernetesListDeviceModel));

    public static readonly ResourceType<Rule> Rules = new(
        new GroupVersionResource("rules.kubeedge.io", "v1", "rules"), "Rule", true,
        new TypedObjectCodec<Rule>("Rule", Json.Rule, Json.KubernetesListRule));

    public static readonly ResourceType<RuleEndpoint> RuleEndpoints = new(
        new GroupVersionResource("rules.kubeedge.io", "v1", "ruleendpoints"), "RuleEndpoint", true,
        new TypedObjectCodec<RuleEndpoint>("RuleEndpoint", Json.RuleEndpoint, Json.KubernetesListRuleEndpoint));

    /// <summary>An untyped resource: objects are <see cref="JsonObject"/>s, nothing is lost or interpreted.</summary>
    public static ResourceType<JsonObject> Generic(GroupVersionResource resource, string kind, bool namespaced)
        => new(resource, kind, namespaced, new JsonObjectCodec(kind));

    private static ResourceType<T> Core<T>(
        string resource, string kind, bool namespaced, JsonTypeInfo<T> item, JsonTypeInfo<KubernetesList<T>> list)
        where T : KubernetesObject
        => new(new GroupVersionResource(string.Empty, "v1", resource), kind, namespaced, new TypedObjectCodec<T>(kind, item, list));
}
