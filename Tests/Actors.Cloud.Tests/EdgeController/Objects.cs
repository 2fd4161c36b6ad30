using Actors.Cloud.Kubernetes.Client;
using Actors.Cloud.Kubernetes.Models;
using Actors.Cloud.Modules.EdgeController.Sync;

namespace Actors.Cloud.Tests.EdgeController;

/// <summary>Test objects created through the test's client.</summary>
public static class Objects
{
    public static Task<Node> NodeAsync(KubernetesClient client, string name, bool edge) =>
        client.Resource(KnownResources.Nodes).CreateAsync(null, new Node
        {
            Metadata = new ObjectMeta
            {
                Name = name,
                Labels = edge ? new Dictionary<string, string> { [InformerSet.EdgeNodeLabel] = string.Empty } : [],
            },
            Status = new NodeStatus
            {
                Conditions = [new NodeCondition { Type = "Ready", Status = "True", Reason = "EdgeReady", LastTransitionTime = DateTimeOffset.UtcNow }],
            },
        });

    public static Task<Pod> PodAsync(KubernetesClient client, string name, string node, string? configMap = null, string? secret = null)
    {
        var container = new Container { Name = "app", Image = "nginx:1.25" };
        if (secret is not null)
        {
            container.EnvFrom = [new EnvFromSource { SecretRef = new LocalObjectReference { Name = secret } }];
        }

        var pod = new Pod
        {
            Metadata = new ObjectMeta { Name = name, Namespace = "default" },
            Spec = new PodSpec
            {
                NodeName = node,
                Containers = [container],
                Volumes = configMap is null ? null : [new Volume { Name = "cfg", ConfigMap = new ConfigMapVolumeSource { Name = configMap } }],
            },
        };
        return client.Resource(KnownResources.Pods).CreateAsync("default", pod);
    }

    public static Task<ConfigMap> ConfigMapAsync(KubernetesClient client, string name, string value) =>
        client.Resource(KnownResources.ConfigMaps).CreateAsync("default", new ConfigMap
        {
            Metadata = new ObjectMeta { Name = name, Namespace = "default" },
            Data = new Dictionary<string, string> { ["k"] = value },
        });
}
