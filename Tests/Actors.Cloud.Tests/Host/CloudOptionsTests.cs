using Actors.Cloud.Host;
using Actors.Kernel.Configuration;
using Actors.Kernel.Configuration.Binding;

namespace Actors.Cloud.Tests.Host;

/// <summary>In-process binding and validation of cloudcore's options records over its reference.conf.</summary>
public sealed class CloudOptionsTests
{
    private static Config Load(params (string Key, string Value)[] overrides) =>
        new ConfigLoader(CloudHost.Create().Reference, _ => null, () => [])
            .Load(new ConfigArguments(null, [.. overrides.Select(o => new KeyValuePair<string, string>(o.Key, o.Value))], []));

    [Fact]
    public void From_ReferenceConf_GivesKubeEdgeDefaults()
    {
        var config = Load();

        var core = CloudCoreOptions.From(config);
        var hub = CloudHubOptions.From(config);
        var controllers = ControllerOptions.From(config);

        Assert.Equal(("", "127.0.0.1:6443"), (core.Kubeconfig, core.ApiServerListen));
        Assert.Equal((500, TimeSpan.FromSeconds(30)), (hub.NodeLimit, hub.KeepaliveInterval));
        Assert.Equal((5, TimeSpan.FromSeconds(5)), (hub.RetryCount, hub.RetryInterval));
        Assert.Equal((10000, 10002), (hub.WebSocketPort, hub.HttpsPort));
        Assert.False(controllers.RouterEnable);
        Assert.Equal(9443, controllers.RouterPort);
        Assert.Empty(new CloudCoreValidator().Validate(config));
        Assert.Empty(new KernelOptionsValidator().Validate(config));
    }

    [Theory]
    [InlineData("", "on", KubernetesApiSource.Embedded)]
    [InlineData("", "off", KubernetesApiSource.InCluster)]
    [InlineData("/etc/kube/config", "on", KubernetesApiSource.Kubeconfig)]
    [InlineData("/etc/kube/config", "off", KubernetesApiSource.Kubeconfig)]
    public void ApiSource_KubeconfigAndEmbeddedSwitch_PicksSource(string kubeconfig, string embedded, KubernetesApiSource expected)
    {
        var config = kubeconfig.Length == 0
            ? Load(("cloudcore.modules.apiserver.enable", embedded))
            : Load(("cloudcore.kubeconfig", kubeconfig), ("cloudcore.modules.apiserver.enable", embedded));

        Assert.Empty(new CloudCoreValidator().Validate(config));
        Assert.Equal(expected, CloudCoreOptions.From(config).ApiSource);
    }

    [Theory]
    [InlineData("cloudcore.modules.cloudhub.node-limit", "-3", "cloudcore.modules.cloudhub.node-limit: must be between 1")]
    [InlineData("cloudcore.modules.cloudhub.retry-interval", "0s", "cloudcore.modules.cloudhub.retry-interval: must be a positive duration")]
    [InlineData("cloudcore.modules.cloudhub.https.port", "10000", "cloudcore.modules.cloudhub.https.port: conflicts with websocket.port")]
    [InlineData("cloudcore.modules.cloudhub.websocket.address", "999.1.1.1", "cloudcore.modules.cloudhub.websocket.address: invalid address")]
    [InlineData("cloudcore.modules.devicecontroller.workers", "lots", "cloudcore.modules.devicecontroller.workers:")]
    [InlineData("cloudcore.log-level", "chatty", "cloudcore.log-level: unknown log level 'chatty'")]
    public void Validate_BadValue_ReportsTheKey(string key, string value, string expected)
    {
        var error = Assert.Single(new CloudCoreValidator().Validate(Load((key, value))));

        Assert.StartsWith(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void EnabledModules_RouterOffByDefault()
    {
        Assert.Equal(["apiserver", "cloudhub", "edgecontroller", "devicecontroller"], CloudHost.EnabledModules(Load()));
    }
}
