using Actors.Kernel.Configuration;
using Actors.Kernel.Configuration.Binding;
using Microsoft.Extensions.Logging;

namespace Actors.Kernel.Tests.Configuration.Binding;

public sealed class ConfigBinderTests
{
    private static ConfigBinder Binder(string hocon) => new(HoconDocument.Parse(hocon, "t.conf").Resolve());

    [Theory]
    [InlineData("127.0.0.1:10550", true)]
    [InlineData("[::1]:6443", true)]
    [InlineData("cloud.example.com:10000", true)]
    [InlineData("127.0.0.1", false)]
    [InlineData("127.0.0.1:0", false)]
    [InlineData("127.0.0.1:65536", false)]
    [InlineData(":80", false)]
    [InlineData("bad host:80", false)]
    public void IsEndpoint_Classifies(string value, bool expected) => Assert.Equal(expected, ConfigBinder.IsEndpoint(value));

    [Fact]
    public void Binder_SeveralBadKeys_CollectsAllAndReturnsFallbacks()
    {
        var b = Binder("a = x, d = -1s, e = purple, u = \"ftp://h\", i = 7");

        Assert.Equal(3, b.Int("a", 3));
        Assert.Equal(TimeSpan.FromSeconds(1), b.Duration("d", TimeSpan.FromSeconds(1)));
        Assert.Equal("red", b.OneOf("e", "red", "red", "green"));
        Assert.Equal("tcp://h:1", b.Uri("u", "tcp://h:1", false, "tcp"));
        Assert.Equal(5, b.Int("i", 5, 0, 6));
        Assert.Equal(5, b.Errors.Count);
        Assert.Equal(["a", "d", "e", "u", "i"], b.Errors.Select(e => e[..e.IndexOf(':', StringComparison.Ordinal)]));
    }

    [Fact]
    public void Binder_GoodValues_NoErrors()
    {
        var b = Binder("t = 250ms, z = 0s, n = 12, f = on, inf = infinite");

        Assert.Equal(TimeSpan.FromMilliseconds(250), b.Duration("t", TimeSpan.Zero));
        Assert.Equal(TimeSpan.Zero, b.Duration("z", TimeSpan.FromSeconds(1), allowZero: true));
        Assert.Equal(Timeout.InfiniteTimeSpan, b.Duration("inf", TimeSpan.Zero, allowInfinite: true));
        Assert.Equal(12, b.Int("n", 0, 1, 100));
        Assert.True(b.Bool("f", false));
        Assert.Equal("dflt", b.String("missing", "dflt"));
        Assert.Empty(b.Errors);
    }

    [Theory]
    [InlineData("DEBUG", LogLevel.Debug)]
    [InlineData("info", LogLevel.Information)]
    [InlineData("Warning", LogLevel.Warning)]
    [InlineData("OFF", LogLevel.None)]
    public void LogLevels_AkkaAndDotnetNames(string text, LogLevel expected) => Assert.Equal(expected, LogLevels.TryParse(text));

    [Fact]
    public void LogLevelSwitch_Change_FiltersLowerLevels()
    {
        var s = new LogLevelSwitch(LogLevel.Warning);
        Assert.False(s.IsEnabled(LogLevel.Information));

        s.Level = LogLevel.Debug;

        Assert.True(s.IsEnabled(LogLevel.Information));
        Assert.False(s.IsEnabled(LogLevel.Trace));
    }
}
