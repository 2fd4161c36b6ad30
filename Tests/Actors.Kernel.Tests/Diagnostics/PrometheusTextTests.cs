using Actors.Kernel.Diagnostics;

namespace Actors.Kernel.Tests.Diagnostics;

public sealed class PrometheusTextTests
{
    [Fact]
    public void Render_CounterAndGaugeWithLabels_WritesExpositionFormat()
    {
        var registry = new MetricsRegistryProbe().Registry;
        var counter = registry.Counter("edgeactors_messages_total", "Messages by direction.", "direction");
        counter.WithLabels("out").Inc(2);
        counter.WithLabels("in").Inc();
        registry.Gauge("edgeactors_nodes", "Connected nodes.").Set(3.5);

        var text = PrometheusText.Render(registry);

        Assert.Equal(
            "# HELP edgeactors_messages_total Messages by direction.\n" +
            "# TYPE edgeactors_messages_total counter\n" +
            "edgeactors_messages_total{direction=\"in\"} 1\n" +
            "edgeactors_messages_total{direction=\"out\"} 2\n" +
            "# HELP edgeactors_nodes Connected nodes.\n" +
            "# TYPE edgeactors_nodes gauge\n" +
            "edgeactors_nodes 3.5\n",
            text);
    }

    [Fact]
    public void Render_LabelValueWithQuoteBackslashNewline_Escaped()
    {
        var registry = new MetricsRegistryProbe().Registry;
        registry.Gauge("g", "help with \\ and\nnewline", "node").WithLabels("a\"b\\c\nd").Set(1);

        var text = PrometheusText.Render(registry);

        Assert.Contains("# HELP g help with \\\\ and\\nnewline\n", text, StringComparison.Ordinal);
        Assert.Contains("g{node=\"a\\\"b\\\\c\\nd\"} 1\n", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(double.PositiveInfinity, "+Inf")]
    [InlineData(double.NegativeInfinity, "-Inf")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(0.1, "0.1")]
    [InlineData(1e21, "1E+21")]
    public void Format_SpecialAndOrdinaryValues_PrometheusSpelling(double value, string expected) =>
        Assert.Equal(expected, PrometheusText.Format(value));

    [Fact]
    public void Render_ObservedFamily_ReadsCallbackAtEveryScrape()
    {
        var registry = new MetricsRegistryProbe().Registry;
        var depth = 4;
        registry.Observe("queue_depth", "Queue depth.", MetricKind.Gauge, ["node"], () => [new MetricSample(["n1"], depth)]);

        Assert.Contains("queue_depth{node=\"n1\"} 4\n", PrometheusText.Render(registry), StringComparison.Ordinal);
        depth = 9;
        Assert.Contains("queue_depth{node=\"n1\"} 9\n", PrometheusText.Render(registry), StringComparison.Ordinal);
    }
}
