using Actors.Edge.Host;
using Actors.Kernel.Configuration;

namespace Actors.Edge.Tests.EventBus;

/// <summary>The eventbus block of reference.conf binds and validates.</summary>
public sealed class EventBusOptionsTests
{
    private static Config Load(params (string Key, string Value)[] overrides) =>
        new ConfigLoader(EdgeHost.Create().Reference, _ => null, () => [])
            .Load(new ConfigArguments(null, [.. overrides.Select(o => new KeyValuePair<string, string>(o.Key, o.Value))], []));

    [Fact]
    public void From_ReferenceConf_KubeEdgeInternalDefaults()
    {
        var options = EventBusOptions.From(Load());
        Assert.Equal(new EventBusOptions(true, "internal", "tcp://127.0.0.1:1884", "tcp://127.0.0.1:1883", 0, false), options);
    }

    [Fact]
    public void From_QosAndRetainSet_Bound()
    {
        var options = EventBusOptions.From(Load(("edgecore.modules.eventbus.qos", "1"), ("edgecore.modules.eventbus.retain", "on")));
        Assert.Equal((1, true), (options.Qos, options.Retain));
    }

    [Theory]
    [InlineData("edgecore.modules.eventbus.qos", "3")]
    [InlineData("edgecore.modules.eventbus.external-server", "http://127.0.0.1:1883")]
    public void Validate_BadValue_ReportsTheKey(string key, string value)
    {
        var error = Assert.Single(new EdgeCoreValidator().Validate(Load((key, value))));
        Assert.StartsWith(key + ":", error, StringComparison.Ordinal);
    }
}
