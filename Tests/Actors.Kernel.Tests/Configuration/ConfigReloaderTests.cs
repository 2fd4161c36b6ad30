using Actors.Kernel.Configuration;

namespace Actors.Kernel.Tests.Configuration;

public sealed class ConfigReloaderTests
{
    private sealed class Source
    {
        public string Text { get; set; } = "log-level = info\nmqtt { port = 1883, rate-limit = 100 }\ngc.threshold = 10";

        public Config Load() => ConfigurationFactory.ParseString(Text);
    }

    private sealed class NoNegativeRate : IOptionsValidator
    {
        public IEnumerable<string> Validate(Config effective) =>
            effective.GetInt("mqtt.rate-limit") < 0 ? ["mqtt.rate-limit: must be >= 0"] : [];
    }

    [Fact]
    public void Reload_SplitsChangedKeysIntoReloadableAndRestart()
    {
        var source = new Source();
        var reloader = new ConfigReloader(source.Load(), source.Load);
        reloader.RegisterReloadable("log-level", "mqtt.rate-limit", "gc");
        source.Text = "log-level = debug\nmqtt { port = 8883, rate-limit = 50 }\ngc.threshold = 20\nnew-key = 1";
        var result = reloader.Reload();
        Assert.Null(result.Error);
        Assert.Equal(["gc.threshold", "log-level", "mqtt.port", "mqtt.rate-limit", "new-key"], result.ChangedKeys);
        Assert.Equal(["gc.threshold", "log-level", "mqtt.rate-limit"], result.Reloadable);
        Assert.Equal(["mqtt.port", "new-key"], result.RequiresRestart);
        Assert.Equal("debug", reloader.Current.GetString("log-level"));
    }

    [Fact]
    public void Reload_NotifiesSubscribersWithNewConfig_UntilDisposed()
    {
        var source = new Source();
        var reloader = new ConfigReloader(source.Load(), source.Load);
        var seen = new List<string?>();
        var subscription = reloader.Subscribe(r => seen.Add(r.Config.GetString("log-level")));
        reloader.Subscribe(_ => throw new InvalidOperationException("subscriber bug"));
        source.Text = "log-level = warn";
        reloader.Reload();
        subscription.Dispose();
        source.Text = "log-level = error";
        reloader.Reload();
        Assert.Equal(["warn"], seen);
        Assert.Equal("error", reloader.Current.GetString("log-level"));
    }

    [Fact]
    public void Reload_InvalidConfig_IsRejectedAndCurrentKept()
    {
        var source = new Source();
        var reloader = new ConfigReloader(source.Load(), source.Load, [new NoNegativeRate()]);
        var notified = 0;
        reloader.Subscribe(_ => notified++);

        source.Text = "log-level = \"unterminated";
        var broken = reloader.Reload();
        Assert.NotNull(broken.Error);
        Assert.StartsWith("string:1:", broken.Error, StringComparison.Ordinal);

        source.Text = "mqtt.rate-limit = -1";
        var invalid = reloader.Reload();
        Assert.Equal("mqtt.rate-limit: must be >= 0", invalid.Error);
        Assert.Equal("info", reloader.Current.GetString("log-level"));
        Assert.Equal(0, notified);
    }

    [Fact]
    public void Reload_NothingChanged_ReportsNoKeys()
    {
        var source = new Source();
        var reloader = new ConfigReloader(source.Load(), source.Load);
        var result = reloader.Reload();
        Assert.Empty(result.ChangedKeys);
        Assert.Null(result.Error);
    }
}
