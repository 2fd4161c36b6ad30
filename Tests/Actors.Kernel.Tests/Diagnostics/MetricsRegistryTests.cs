using Actors.Kernel.Diagnostics;

namespace Actors.Kernel.Tests.Diagnostics;

public sealed class MetricsRegistryTests : TestKit.TestKit
{
    [Fact]
    public void Get_SameSystem_ReturnsSameRegistry_OtherSystemAnother()
    {
        var first = MetricsRegistry.Get(Sys);
        var other = new MetricsRegistryProbe().Registry;

        Assert.Same(first, MetricsRegistry.Get(Sys));
        Assert.NotSame(first, other);
    }

    [Fact]
    public void Counter_SameNameAndLabels_SameFamily_OtherLabels_Throws()
    {
        var registry = MetricsRegistry.Get(Sys);
        var family = registry.Counter("x_total", "x", "node");

        Assert.Same(family, registry.Counter("x_total", "x", "node"));
        Assert.Throws<ArgumentException>(() => registry.Counter("x_total", "x", "pod"));
        Assert.Throws<ArgumentException>(() => registry.Gauge("x_total", "x", "node"));
    }

    [Theory]
    [InlineData("1bad")]
    [InlineData("has-dash")]
    [InlineData("")]
    public void Counter_InvalidName_Throws(string name) =>
        Assert.Throws<ArgumentException>(() => MetricsRegistry.Get(Sys).Counter(name, "h"));

    [Fact]
    public void Counter_ReservedOrInvalidLabel_Throws()
    {
        var registry = MetricsRegistry.Get(Sys);
        Assert.Throws<ArgumentException>(() => registry.Counter("a_total", "h", "__reserved"));
        Assert.Throws<ArgumentException>(() => registry.Counter("b_total", "h", "bad-label"));
    }

    [Fact]
    public void CounterCell_NegativeIncSetOrDec_Refused()
    {
        var cell = MetricsRegistry.Get(Sys).Counter("c_total", "h").WithLabels();

        Assert.Throws<ArgumentOutOfRangeException>(() => cell.Inc(-1));
        Assert.Throws<InvalidOperationException>(() => cell.Set(5));
        Assert.Throws<InvalidOperationException>(() => cell.Dec());
        Assert.Equal(0, cell.Value);
    }

    [Fact]
    public void WithLabels_WrongCount_Throws()
    {
        var family = MetricsRegistry.Get(Sys).Gauge("g", "h", "a", "b");

        Assert.Throws<ArgumentException>(() => family.WithLabels("only-one"));
    }

    [Fact]
    public async Task CounterCell_ConcurrentIncrements_NoneLost()
    {
        var cell = MetricsRegistry.Get(Sys).Counter("n_total", "h").WithLabels();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                cell.Inc();
            }
        })));

        Assert.Equal(40_000, cell.Value);
    }

    [Fact]
    public void Remove_LabelledCell_DisappearsFromCollect()
    {
        var family = MetricsRegistry.Get(Sys).Gauge("nodes", "h", "node");
        family.WithLabels("a").Set(1);
        family.WithLabels("b").Set(1);

        Assert.True(family.Remove("a"));

        Assert.Equal(["b"], family.Collect().Select(s => s.LabelValues[0]));
    }

    [Fact]
    public void DeadLetters_CountedByKernelMetrics()
    {
        KernelMetrics.Register(Sys);
        var dead = MetricsRegistry.Get(Sys).Counter("edgeactors_dead_letters_total", "Messages that reached no actor (dead letters, including dropped).");

        Sys.DeadLetters.Tell("nobody home", TestActor);

        AwaitCondition(() => dead.WithLabels().Value >= 1, TimeSpan.FromSeconds(10));
    }
}
