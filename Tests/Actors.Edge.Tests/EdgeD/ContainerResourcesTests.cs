using System.Text;
using Actors.Edge.Modules.EdgeD.Pods;
using Actors.Edge.Modules.EdgeD.Runtime;
using Actors.Edge.Tests.EdgeD.Support;

namespace Actors.Edge.Tests.EdgeD;

/// <summary>Resource quantities and the cgroup settings the kubelet derives from requests and limits.</summary>
public sealed class ContainerResourcesTests
{
    [Theory]
    [InlineData("500m", 0.5)]
    [InlineData("1", 1)]
    [InlineData("1.5", 1.5)]
    [InlineData("128Mi", 134217728)]
    [InlineData("1Gi", 1073741824)]
    [InlineData("1G", 1e9)]
    [InlineData("2k", 2000)]
    [InlineData("1e3", 1000)]
    [InlineData("0", 0)]
    public void TryParse_ValidQuantity_Value(string text, double expected)
    {
        Assert.True(Quantity.TryParse(text, out var value));
        Assert.Equal((decimal)expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("12x")]
    [InlineData("-1")]
    [InlineData("Mi")]
    [InlineData(" 1")]
    [InlineData("1.")]
    public void TryParse_Invalid_False(string text)
    {
        Assert.False(Quantity.TryParse(text, out _));
    }

    private static ContainerModel Container(string? limits, string? requests)
    {
        var container = PodJson.Shell("a", "busybox", "true").WithResources(limits, requests);
        return PodSpecParser.Parse(Encoding.UTF8.GetBytes(PodJson.Pod("p", "Never", container).ToJsonString())).Containers[0];
    }

    [Theory]
    [InlineData(null, null, 2, 0, 0, 0)]
    [InlineData("{\"cpu\":\"500m\",\"memory\":\"64Mi\"}", null, 512, 50_000, 100_000, 67108864)]
    [InlineData("{\"cpu\":\"2\"}", "{\"cpu\":\"250m\"}", 256, 200_000, 100_000, 0)]
    [InlineData(null, "{\"cpu\":\"1m\"}", 2, 0, 0, 0)]
    [InlineData("{\"cpu\":\"1m\"}", null, 2, 1_000, 100_000, 0)]
    public void For_RequestsAndLimits_KubeletCgroupValues(string? limits, string? requests, long shares, long quota, long period, long memory)
    {
        var resources = ContainerResources.For(Container(limits, requests));

        Assert.Equal((shares, quota, period, memory), (resources.CpuShares, resources.CpuQuota, resources.CpuPeriod, resources.MemoryLimitInBytes));
    }

    [Fact]
    public void Parse_MalformedQuantity_RejectedWithItsPlace()
    {
        var e = Assert.Throws<PodSpecException>(() => Container("{\"memory\":\"lots\"}", null));

        Assert.Contains("resources.limits.memory 'lots' is not a quantity", e.Message, StringComparison.Ordinal);
    }
}
