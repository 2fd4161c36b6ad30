using Actors.Edge.Host;
using Actors.Kernel.Configuration;
using Actors.Kernel.Configuration.Binding;

namespace Actors.Edge.Tests.Host;

/// <summary>In-process binding and validation of edgecore's options records over its reference.conf.</summary>
public sealed class EdgeOptionsTests
{
    private static Config Load(params (string Key, string Value)[] overrides) =>
        new ConfigLoader(EdgeHost.Create().Reference, _ => null, () => [])
            .Load(new ConfigArguments(null, [.. overrides.Select(o => new KeyValuePair<string, string>(o.Key, o.Value))], []));

    [Fact]
    public void From_ReferenceConf_GivesKubeEdgeDefaults()
    {
        var config = Load();

        var hub = EdgeHubOptions.From(config);
        var meta = MetaManagerOptions.From(config);
        var edged = EdgedOptions.From(config);
        var bus = EventBusOptions.From(config);
        var service = ServiceBusOptions.From(config);

        Assert.Equal(TimeSpan.FromSeconds(EdgeHubOptions.DefaultHeartbeatSeconds), hub.Heartbeat);
        Assert.Equal(TimeSpan.FromSeconds(15), hub.WriteTimeout);
        Assert.Equal((30, 60), (hub.MessageQps, hub.MessageBurst));
        Assert.Equal(TimeSpan.FromSeconds(60), meta.PodStatusSyncInterval);
        Assert.Equal("127.0.0.1:10550", meta.MetaServer);
        Assert.Equal("process", edged.Runtime);
        Assert.Equal((TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10)), (edged.PlegRelistPeriod, edged.NodeStatusUpdateFrequency));
        Assert.Equal((TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(5)), (edged.ContainerGcMinAge, edged.ImageGcPeriod));
        Assert.Equal((85, 80), (edged.ImageGcHighThreshold, edged.ImageGcLowThreshold));
        Assert.Equal(("internal", "tcp://127.0.0.1:1884", "tcp://127.0.0.1:1883"), (bus.Mode, bus.InternalServer, bus.ExternalServer));
        Assert.Equal("127.0.0.1:9060", service.Server);
        Assert.Empty(new EdgeCoreValidator().Validate(config));
        Assert.Empty(new KernelOptionsValidator().Validate(config));
    }

    [Theory]
    [InlineData("edgecore.modules.edgehub.heartbeat", "soon", "edgecore.modules.edgehub.heartbeat:")]
    [InlineData("edgecore.modules.edgehub.heartbeat", "-5s", "edgecore.modules.edgehub.heartbeat: must be a positive duration")]
    [InlineData("edgecore.modules.edgehub.message-qps", "many", "edgecore.modules.edgehub.message-qps:")]
    [InlineData("edgecore.modules.edged.image-gc-high-threshold", "101", "edgecore.modules.edged.image-gc-high-threshold: must be between 0 and 100")]
    [InlineData("edgecore.modules.edged.image-gc-low-threshold", "90", "edgecore.modules.edged.image-gc-low-threshold: must not exceed")]
    [InlineData("edgecore.modules.edged.runtime", "docker", "edgecore.modules.edged.runtime: unknown value 'docker'")]
    [InlineData("edgecore.modules.eventbus.mode", "all", "edgecore.modules.eventbus.mode: unknown value 'all'")]
    [InlineData("edgecore.modules.metamanager.metaserver.server", "localhost", "edgecore.modules.metamanager.metaserver.server: invalid address")]
    [InlineData("edgecore.modules.servicebus.server", "127.0.0.1:0", "edgecore.modules.servicebus.server: invalid address")]
    [InlineData("edgecore.modules.edgehub.server", "http://x:1", "edgecore.modules.edgehub.server: invalid address")]
    [InlineData("edgecore.modules.edgehub.message-burst", "10", "edgecore.modules.edgehub.message-burst: must be at least message-qps")]
    [InlineData("edgecore.log-format", "xml", "edgecore.log-format: unknown value 'xml'")]
    [InlineData("edgecore.metrics.port", "70000", "edgecore.metrics.port: must be between 0 and 65535")]
    [InlineData("edgecore.data-dir", "", "edgecore.data-dir: must not be empty")]
    public void Validate_BadValue_ReportsTheKey(string key, string value, string expected)
    {
        var errors = new EdgeCoreValidator().Validate(Load((key, value))).ToList();

        var error = Assert.Single(errors);
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void From_Config_WithErrors_ThrowsListingEveryKey()
    {
        var config = Load(("edgecore.modules.edged.runtime", "docker"), ("edgecore.modules.edged.pleg-relist-period", "0s"));

        var e = Assert.Throws<ConfigurationException>(() => EdgedOptions.From(config));

        Assert.Contains("edgecore.modules.edged.runtime", e.Message, StringComparison.Ordinal);
        Assert.Contains("edgecore.modules.edged.pleg-relist-period", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnabledModules_FollowsEnableKeys()
    {
        var modules = EdgeHost.EnabledModules(Load(("edgecore.modules.servicebus.enable", "on"), ("edgecore.modules.edged.enable", "off")));

        Assert.Equal(["edgehub", "metamanager", "eventbus", "servicebus", "devicetwin"], modules);
    }

    [Fact]
    public void Reference_PersistenceConnectionString_FollowsDataDir()
    {
        var config = Load(("edgecore.data-dir", "/srv/edge"));

        Assert.Equal("Data Source=/srv/edge/edgecore.db", config.GetString("akka.persistence.journal.sqlite.connection-string"));
        Assert.Equal("Data Source=/srv/edge/edgecore.db", config.GetString("akka.persistence.snapshot-store.sqlite.connection-string"));
    }

    [Fact]
    public void UnknownKeyValidator_MisspeltKey_IsReportedByKey()
    {
        var host = EdgeHost.Create();
        var config = Load(("edgecore.modules.edgehub.hearbeat", "20s"), ("akka.custom.setting", "1"));

        var errors = host.Validators.SelectMany(v => v.Validate(config)).ToList();

        var error = Assert.Single(errors);
        Assert.StartsWith("edgecore.modules.edgehub.hearbeat: unknown key", error, StringComparison.Ordinal);
    }
}
