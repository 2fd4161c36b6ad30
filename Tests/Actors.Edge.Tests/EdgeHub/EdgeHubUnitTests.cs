using Actors.Edge.Host;
using Actors.Edge.Modules.EdgeHub;
using Actors.Edge.Modules.EdgeHub.Connection;
using Actors.Edge.Modules.EdgeHub.Dedupe;
using Actors.Edge.Modules.EdgeHub.Outbox;
using Actors.Kernel.Configuration;
using Microsoft.Data.Sqlite;

namespace Actors.Edge.Tests.EdgeHub;

/// <summary>The pieces without sockets: duplicate filter, backoff, outbox store, settings and options validation.</summary>
public sealed class EdgeHubUnitTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "edgeactors-edgehub-unit-" + Guid.NewGuid().ToString("N"));

    private static Config Load(params (string Key, string Value)[] overrides) =>
        new ConfigLoader(EdgeHost.Create().Reference, _ => null, () => [])
            .Load(new ConfigArguments(null, [.. overrides.Select(o => new KeyValuePair<string, string>(o.Key, o.Value))], []));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Fact]
    public void SeenMessageIds_Full_LeastRecentlySeenForgotten()
    {
        var seen = new SeenMessageIds(2);

        Assert.True(seen.Add("a"));
        Assert.True(seen.Add("b"));
        Assert.False(seen.Add("a")); // a is now the most recent
        Assert.True(seen.Add("c")); // evicts b

        Assert.False(seen.Add("a"));
        Assert.True(seen.Add("b"));
        Assert.Equal(2, seen.Count);
    }

    [Theory]
    [InlineData(0, 0.0, 500)]
    [InlineData(0, 1.0, 1000)]
    [InlineData(3, 1.0, 8000)]
    [InlineData(10, 1.0, 30000)]
    [InlineData(10, 0.0, 15000)]
    [InlineData(1000, 0.5, 22500)]
    public void ReconnectBackoff_Attempt_DoublesWithinHalfToFullAndCapped(int attempt, double random, int expectedMs)
    {
        var delay = ReconnectBackoff.Delay(attempt, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), random);

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), delay);
    }

    [Fact]
    public void Outbox_AppendReadRemove_OrderKeptAndSurvivesReopen()
    {
        var path = Path.Combine(_dir, "sub", "edgehub.db");
        using (var store = new SqliteOutboxStore(path, 100))
        {
            store.Append("m1", [1], 10);
            store.Append("m2", [2], 11);
            store.Append("m3", [3], 12);
            store.Remove(store.ReadAfter(0, 1)[0].Seq);
        }

        using var reopened = new SqliteOutboxStore(path, 100);
        var entries = reopened.ReadAfter(0, 10);

        Assert.Equal(new[] { "m2", "m3" }, entries.Select(e => e.MsgId));
        Assert.Equal(new byte[] { 3 }, reopened.ReadAfter(entries[0].Seq, 10)[0].Frame);
        Assert.Equal(2, reopened.Count);
    }

    [Fact]
    public void Outbox_Full_OldestDroppedAndSequenceNeverReused()
    {
        using var store = new SqliteOutboxStore(Path.Combine(_dir, "edgehub.db"), 2);
        store.Append("m1", [1], 1);
        store.Append("m2", [2], 2);
        var last = store.ReadAfter(0, 10)[^1].Seq;
        store.Remove(last);

        Assert.Equal(0, store.Append("m3", [3], 3));
        Assert.Equal(1, store.Append("m4", [4], 4));

        var entries = store.ReadAfter(0, 10);
        Assert.Equal(new[] { "m3", "m4" }, entries.Select(e => e.MsgId));
        Assert.True(entries[0].Seq > last);
    }

    [Fact]
    public void Outbox_NotADatabase_ClearError()
    {
        Directory.CreateDirectory(_dir);
        var path = Path.Combine(_dir, "junk.db");
        File.WriteAllText(path, new string('x', 4096));

        var e = Assert.Throws<InvalidOperationException>(() => new SqliteOutboxStore(path, 10));

        Assert.Contains("cannot open the EdgeHub outbox", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_PlainWsWithoutAllowInsecure_Refused()
    {
        var settings = new EdgeHubSettings(new Uri("ws://127.0.0.1:1"), "n", "p", Path.Combine(_dir, "x.db"));

        var e = Assert.Throws<ArgumentException>(() => new EdgeHubModule(settings));

        Assert.Contains("allow-insecure", e.Message, StringComparison.Ordinal);
        Assert.Equal("/p/n/events", settings.EventsUri.AbsolutePath);
    }

    [Fact]
    public void Options_PlainWsWithoutAllowInsecure_ErrorNamesTheKey()
    {
        var config = Load(("edgecore.modules.edgehub.server", "ws://127.0.0.1:10000"));

        var e = Assert.Throws<ConfigurationException>(() => EdgeHubOptions.From(config));

        Assert.Contains("edgecore.modules.edgehub.server", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_Defaults_ModuleNamedWebsocketWithOutboxInDataDir()
    {
        var config = Load();
        var core = new EdgeCoreOptions("edge-7", _dir, "info", "text", 0);

        var module = EdgeHubOptions.From(config).CreateModule(core);

        Assert.Equal("websocket", module.Name);
        Assert.Equal("hub", module.Group);
        Assert.True(module.Enabled);
        Assert.Equal(10_000, EdgeHubOptions.From(config).OutboxMaxMessages);
        Assert.Empty(new EdgeCoreValidator().Validate(config));
    }
}
