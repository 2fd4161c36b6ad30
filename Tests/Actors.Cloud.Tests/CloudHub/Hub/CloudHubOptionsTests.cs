using Actors.Cloud.Modules.CloudHub;

namespace Actors.Cloud.Tests.CloudHub.Hub;

public sealed class CloudHubOptionsTests
{
    [Fact]
    public void Defaults_AreKubeEdgesAndValid()
    {
        var options = new CloudHubOptions().Validate();
        Assert.Equal(10000, options.Port);
        Assert.Equal(500, options.NodeLimit);
        Assert.Equal(TimeSpan.FromSeconds(30), options.KeepaliveTimeout);
        Assert.Equal(TimeSpan.FromSeconds(5), options.RetryInterval);
        Assert.Equal(5, options.MaxSends);
        Assert.False(options.AllowInsecure);
    }

    [Fact]
    public void Validate_InvalidSettings_NamesEachOne()
    {
        var bad = new CloudHubOptions { Port = 70000, NodeLimit = 0, KeepaliveTimeout = TimeSpan.Zero, MaxFrameBytes = 10, QueueCapacity = 0 };
        var e = Assert.Throws<ArgumentException>(() => bad.Validate());
        foreach (var name in new[] { "port", "node-limit", "keepalive-timeout", "max-frame-size", "queue-capacity" })
        {
            Assert.Contains(name, e.Message, StringComparison.Ordinal);
        }
    }
}
