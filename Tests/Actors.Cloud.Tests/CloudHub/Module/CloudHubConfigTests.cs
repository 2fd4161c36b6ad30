using System.Net;
using Actors.Cloud.Host;
using Actors.Kernel.Configuration;

namespace Actors.Cloud.Tests.CloudHub.Module;

/// <summary><c>cloudcore.modules.cloudhub { … }</c> → the CloudHub module's settings, validated at start-up.</summary>
public sealed class CloudHubConfigTests
{
    private static Config Load(params (string Key, string Value)[] overrides) =>
        new ConfigLoader(CloudHost.Create().Reference, _ => null, () => [])
            .Load(new ConfigArguments(null, [.. overrides.Select(o => new KeyValuePair<string, string>(o.Key, o.Value))], []));

    [Fact]
    public void ToModuleSettings_Defaults_KubeEdgeValuesAndDataDirCa()
    {
        var settings = CloudHubOptions.From(Load()).ToModuleSettings("/data");

        Assert.Equal((IPAddress.Any, 10000, false), (settings.Hub.ListenAddress, settings.Hub.Port, settings.Hub.AllowInsecure));
        Assert.Equal((500, TimeSpan.FromSeconds(30)), (settings.Hub.NodeLimit, settings.Hub.KeepaliveTimeout));
        Assert.Equal((5, TimeSpan.FromSeconds(5)), (settings.Hub.MaxSends, settings.Hub.RetryInterval));
        Assert.Equal((1024, 4 * 1024 * 1024, TimeSpan.FromSeconds(15)), (settings.Hub.QueueCapacity, settings.Hub.MaxFrameBytes, settings.Hub.WriteTimeout));
        Assert.Equal((IPAddress.Any, 10002), (settings.HttpsAddress, settings.HttpsPort));
        Assert.Equal(Path.Combine("/data", "ca"), settings.AuthorityOptions().DataDirectory);
        Assert.Null(settings.CaCertFile);
    }

    [Fact]
    public void ToModuleSettings_Overrides_Applied()
    {
        var config = Load(
            ("cloudcore.modules.cloudhub.websocket.address", "127.0.0.1"), ("cloudcore.modules.cloudhub.websocket.port", "0"),
            ("cloudcore.modules.cloudhub.allow-insecure", "on"), ("cloudcore.modules.cloudhub.max-frame-size", "65536"),
            ("cloudcore.modules.cloudhub.write-timeout", "2s"), ("cloudcore.modules.cloudhub.queue-capacity", "8"),
            ("cloudcore.modules.cloudhub.offline-queue-capacity", "16"),
            ("cloudcore.modules.cloudhub.ca-cert-file", "/etc/ca.crt"), ("cloudcore.modules.cloudhub.ca-key-file", "/etc/ca.key"));

        var settings = CloudHubOptions.From(config).ToModuleSettings("/data");

        Assert.Equal((IPAddress.Loopback, 0, true), (settings.Hub.ListenAddress, settings.Hub.Port, settings.Hub.AllowInsecure));
        Assert.Equal((65536, TimeSpan.FromSeconds(2), 8, 16),
            (settings.Hub.MaxFrameBytes, settings.Hub.WriteTimeout, settings.Hub.QueueCapacity, settings.Hub.OfflineQueueCapacity));
        Assert.Equal(("/etc/ca.crt", "/etc/ca.key"), (settings.CaCertFile, settings.CaKeyFile));
    }

    [Theory]
    [InlineData("cloudcore.modules.cloudhub.max-frame-size", "10", "cloudcore.modules.cloudhub.max-frame-size: must be between 1024")]
    [InlineData("cloudcore.modules.cloudhub.write-timeout", "0s", "cloudcore.modules.cloudhub.write-timeout: must be a positive duration")]
    [InlineData("cloudcore.modules.cloudhub.queue-capacity", "0", "cloudcore.modules.cloudhub.queue-capacity: must be between 1")]
    [InlineData("cloudcore.modules.cloudhub.ca-cert-file", "/etc/ca.crt", "cloudcore.modules.cloudhub.ca-key-file: ca-cert-file and ca-key-file")]
    [InlineData("cloudcore.modules.cloudhub.allow-insecure", "maybe", "cloudcore.modules.cloudhub.allow-insecure:")]
    public void Validate_BadValue_ReportsTheKey(string key, string value, string expected)
    {
        var error = Assert.Single(new CloudCoreValidator().Validate(Load((key, value))));

        Assert.StartsWith(expected, error, StringComparison.Ordinal);
    }
}
