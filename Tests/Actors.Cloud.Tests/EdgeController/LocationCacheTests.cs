using Actors.Cloud.Kubernetes.Models;
using Actors.Cloud.Modules.EdgeController.Sync;
using Kind = Actors.Cloud.Modules.EdgeController.Sync.LocationCache.ReferenceKind;

namespace Actors.Cloud.Tests.EdgeController;

public sealed class LocationCacheTests
{
    private static Pod Pod(params string[] secretsFromEnv) => new()
    {
        Metadata = new ObjectMeta { Name = "p", Namespace = "ns" },
        Spec = new PodSpec
        {
            NodeName = "n1",
            ServiceAccountName = "robot",
            ImagePullSecrets = [new LocalObjectReference { Name = "pull" }],
            Volumes =
            [
                new Volume { Name = "a", ConfigMap = new ConfigMapVolumeSource { Name = "cm-vol" } },
                new Volume
                {
                    Name = "b",
                    Projected = new ProjectedVolumeSource
                    {
                        Sources = [new VolumeProjection { ConfigMap = new ConfigMapVolumeSource { Name = "cm-proj" }, Secret = new SecretProjection { Name = "s-proj" } }],
                    },
                },
            ],
            InitContainers = [new Container { Name = "init", Env = [new EnvVar { Name = "X", ValueFrom = new EnvVarSource { ConfigMapKeyRef = new KeySelector { Name = "cm-env" } } }] }],
            Containers = [new Container { Name = "c", EnvFrom = [.. secretsFromEnv.Select(s => new EnvFromSource { SecretRef = new LocalObjectReference { Name = s } })] }],
        },
    };

    [Fact]
    public void Of_PodWithEveryReferenceKind_FindsThemAll()
    {
        var refs = PodReferences.Of(Pod("s-env"));

        Assert.Equal(["cm-env", "cm-proj", "cm-vol"], refs.ConfigMaps.Order());
        Assert.Equal(["pull", "s-env", "s-proj"], refs.Secrets.Order());
        Assert.Equal("robot", refs.ServiceAccount);
        Assert.Equal(PodReferences.DefaultServiceAccount, PodReferences.Of(new Pod { Spec = new PodSpec() }).ServiceAccount);
    }

    [Fact]
    public void RemovePod_LastUserOnNode_NodeNoLongerAuthorised()
    {
        var cache = new LocationCache();
        cache.SetPod("ns/p1", "n1", "ns", PodReferences.Of(Pod("shared")));
        cache.SetPod("ns/p2", "n1", "ns", PodReferences.Of(Pod("shared")));
        cache.SetPod("ns/p3", "n2", "ns", PodReferences.Of(Pod()));

        Assert.Equal(["n1"], cache.NodesUsing(Kind.Secret, "ns", "shared"));
        Assert.False(cache.IsUsedBy("n2", Kind.Secret, "ns", "shared"));
        Assert.False(cache.IsUsedBy("n1", Kind.Secret, "other-ns", "shared"));
        cache.RemovePod("ns/p1");
        Assert.True(cache.IsUsedBy("n1", Kind.Secret, "ns", "shared"));
        cache.RemovePod("ns/p2");
        Assert.False(cache.IsUsedBy("n1", Kind.Secret, "ns", "shared"));
        Assert.True(cache.IsUsedBy("n2", Kind.ConfigMap, "ns", "cm-vol"));
        Assert.True(cache.IsUsedBy("n2", Kind.ServiceAccount, "ns", "robot"));
        cache.RemovePod("ns/missing");
        Assert.Equal(1, cache.PodCount);
    }
}
