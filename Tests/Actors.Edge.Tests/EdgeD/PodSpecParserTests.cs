using System.Text;
using System.Text.Json.Nodes;
using Actors.Edge.Modules.EdgeD.Pods;
using Actors.Edge.Modules.EdgeD.Status;
using Actors.Edge.Tests.EdgeD.Support;

namespace Actors.Edge.Tests.EdgeD;

public sealed class PodSpecParserTests
{
    [Fact]
    public void Parse_FullPod_ReadsContainersVolumesAndPolicy()
    {
        var pod = PodJson.Pod("p", "OnFailure", PodJson.Shell("a", "busybox", "true").WithMount("v", "/data"))
            .WithVolume(new JsonObject { ["name"] = "v", ["secret"] = new JsonObject { ["secretName"] = "s", ["items"] = new JsonArray(new JsonObject { ["key"] = "k", ["path"] = "dir/k" }) } });

        var model = Parse(pod);

        Assert.Equal(("default", "p", RestartPolicy.OnFailure, true), (model.Namespace, model.Name, model.RestartPolicy, model.HostNetwork));
        Assert.Equal(["/bin/sh", "-c", "true"], model.Containers[0].Command);
        var volume = Assert.Single(model.Volumes);
        Assert.Equal((VolumeKind.Secret, "s"), (volume.Kind, volume.Source));
        Assert.Equal(new VolumeItem("k", "dir/k"), Assert.Single(volume.Items));
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("[1,2]", "JSON object")]
    [InlineData("{\"metadata\":{\"name\":\"x\"},\"spec\":{}}", "uid")]
    [InlineData("{\"metadata\":{\"name\":\"x\",\"uid\":\"u\"},\"spec\":{\"containers\":[]}}", "no containers")]
    [InlineData("{\"metadata\":{\"name\":\"x\",\"uid\":\"u\"},\"spec\":{\"containers\":[{\"name\":\"a\"}]}}", "image")]
    [InlineData("{\"metadata\":{\"name\":\"x\",\"uid\":\"u\"},\"spec\":{\"restartPolicy\":\"Sometimes\",\"containers\":[{\"name\":\"a\",\"image\":\"i\"}]}}", "Sometimes")]
    [InlineData("{\"metadata\":{\"name\":\"x\",\"uid\":\"u\"},\"spec\":{\"containers\":[{\"name\":\"a\",\"image\":\"i\",\"volumeMounts\":[{\"name\":\"nope\",\"mountPath\":\"/x\"}]}]}}", "names no volume")]
    [InlineData("{\"metadata\":{\"name\":\"x\",\"uid\":\"u\"},\"spec\":{\"containers\":[{\"name\":\"a\",\"image\":\"i\"}],\"volumes\":[{\"name\":\"n\",\"nfs\":{}}]}}", "unsupported source (nfs)")]
    [InlineData("{\"metadata\":{\"name\":\"x\",\"uid\":\"u\"},\"spec\":{\"containers\":[{\"name\":\"a\",\"image\":\"i\"}],\"volumes\":[{\"name\":\"c\",\"configMap\":{\"name\":\"m\",\"items\":[{\"key\":\"k\",\"path\":\"../evil\"}]}}]}}", "must not contain '..'")]
    [InlineData("{\"metadata\":{\"name\":\"x\",\"uid\":\"u\"},\"spec\":{\"containers\":[{\"name\":\"a\",\"image\":\"i\",\"env\":[{\"name\":\"E\",\"valueFrom\":{\"secretKeyRef\":{}}}]}]}}", "secretKeyRef needs a name and a key")]
    public void Parse_BadPod_ThrowsWithReason(string json, string reason)
    {
        var e = Assert.Throws<PodSpecException>(() => PodSpecParser.Parse(Encoding.UTF8.GetBytes(json)));

        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ContainerChanged_OnlyItsHashChanges()
    {
        var pod = PodJson.Pod("p", "Always", PodJson.Shell("a", "busybox", "sleep 1"), PodJson.Shell("b", "busybox", "sleep 1"));
        var before = Parse(pod);
        pod["spec"]!["containers"]![1]!["image"] = "busybox:2";

        var after = Parse(pod);

        Assert.Equal(before.Containers[0].SpecHash, after.Containers[0].SpecHash);
        Assert.NotEqual(before.Containers[1].SpecHash, after.Containers[1].SpecHash);
    }

    [Theory]
    [InlineData(null, null, "BestEffort")]
    [InlineData("{\"cpu\":\"1\",\"memory\":\"1Gi\"}", null, "Guaranteed")]
    [InlineData("{\"cpu\":\"1\",\"memory\":\"1Gi\"}", "{\"cpu\":\"1\",\"memory\":\"1Gi\"}", "Guaranteed")]
    [InlineData("{\"cpu\":\"1\",\"memory\":\"1Gi\"}", "{\"cpu\":\"500m\"}", "Burstable")]
    [InlineData(null, "{\"memory\":\"1Gi\"}", "Burstable")]
    [InlineData("{\"memory\":\"1Gi\"}", null, "Burstable")]
    [InlineData("{\"cpu\":\"1\",\"memory\":\"1Gi\"}", "{\"cpu\":\"1000m\",\"memory\":\"1024Mi\"}", "Guaranteed")]
    public void QosClass_FromResources_MatchesKubernetesRules(string? limits, string? requests, string expected)
    {
        var container = PodJson.Shell("a", "busybox", "true").WithResources(limits, requests);

        Assert.Equal(expected, PodStatusBuilder.QosClass(Parse(PodJson.Pod("q", "Always", container))));
    }

    [Fact]
    public void Parse_DeletionTimestamp_DeletingWithTheDeletionsGracePeriod()
    {
        var pod = PodJson.Pod("p", "Always", PodJson.Shell("a", "busybox", "sleep 1"));
        pod["spec"]!["terminationGracePeriodSeconds"] = 30;
        Assert.False(Parse(pod).Deleting);

        pod["metadata"]!["deletionTimestamp"] = "2026-11-22T10:00:00Z";
        pod["metadata"]!["deletionGracePeriodSeconds"] = 4;
        var model = Parse(pod);

        Assert.True(model.Deleting);
        Assert.Equal(TimeSpan.FromSeconds(4), model.TerminationGracePeriod);
    }

    private static PodModel Parse(JsonObject pod) => PodSpecParser.Parse(Encoding.UTF8.GetBytes(pod.ToJsonString()));
}
