using Actors.Cloud.ApiServer.OpenApi;

namespace Actors.Cloud.ApiServer.Resources;

/// <summary>The built-in resources served by the embedded API server.</summary>
public static class BuiltinResources
{
    public const string CrdKindKey = "apiextensions.k8s.io/customresourcedefinitions";
    public const string NamespaceKindKey = "core/namespaces";

    public static IReadOnlyList<ResourceType> All() =>
    [
        Core("namespaces", "Namespace", false, ["ns"], status: true),
        Core("nodes", "Node", false, ["no"], status: true),
        Core("pods", "Pod", true, ["po"], status: true, extra: ["binding"], categories: ["all"]),
        Core("configmaps", "ConfigMap", true, ["cm"]),
        Core("secrets", "Secret", true, []),
        Core("services", "Service", true, ["svc"], status: true, categories: ["all"]),
        Core("endpoints", "Endpoints", true, ["ep"]),
        Core("events", "Event", true, ["ev"]),
        Core("serviceaccounts", "ServiceAccount", true, ["sa"]),
        new ResourceType
        {
            Group = "coordination.k8s.io", Version = "v1", Plural = "leases", Kind = "Lease", Namespaced = true,
            Schema = CoreSchemas.For("Lease"),
        },
        new ResourceType
        {
            Group = "apiextensions.k8s.io", Version = "v1", Plural = "customresourcedefinitions",
            Kind = "CustomResourceDefinition", Namespaced = false, ShortNames = ["crd", "crds"], HasStatus = true,
            Schema = CoreSchemas.For("CustomResourceDefinition"),
        },
    ];

    private static ResourceType Core(string plural, string kind, bool namespaced, IReadOnlyList<string> shortNames,
        bool status = false, IReadOnlyList<string>? extra = null, IReadOnlyList<string>? categories = null) => new()
    {
        Group = string.Empty,
        Version = "v1",
        Plural = plural,
        Kind = kind,
        Namespaced = namespaced,
        ShortNames = shortNames,
        HasStatus = status,
        ExtraSubresources = extra ?? [],
        Categories = categories ?? [],
        Schema = CoreSchemas.For(kind),
    };
}
