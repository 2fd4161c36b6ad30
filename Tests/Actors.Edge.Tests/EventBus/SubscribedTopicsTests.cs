using Actors.Edge.Modules.EventBus.Module;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Actors.Edge.Tests.EventBus;

/// <summary>The cloud's subscriptions live in KubeEdge's <c>sub_topics</c> table and survive a new process.</summary>
public sealed class SubscribedTopicsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sub-topics-").FullName;

    private string Database => Path.Combine(_dir, "edgecore.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void Topics_AddedAndRemoved_ReadBackByANewInstanceFromSubTopics()
    {
        var log = NullLogger.Instance;
        var first = new SubscribedTopics(Database);
        Assert.True(first.Add("default/telemetry", log));
        Assert.True(first.Add("default/alerts/#", log));
        Assert.True(first.Remove("default/alerts/#", log));

        var second = new SubscribedTopics(Database);
        Assert.Equal(["default/telemetry"], second.Snapshot(log));
        using var connection = new SqliteConnection("Data Source=" + Database);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT topic FROM sub_topics";
        Assert.Equal("default/telemetry", command.ExecuteScalar());
    }

    [Fact]
    public void Database_Unwritable_TopicKeptInMemoryAndLogged()
    {
        var blocked = Path.Combine(_dir, "not-a-dir");
        File.WriteAllText(blocked, "x");
        var topics = new SubscribedTopics(Path.Combine(blocked, "edgecore.db"));

        Assert.True(topics.Add("default/telemetry", NullLogger.Instance));
        Assert.Equal(["default/telemetry"], topics.Snapshot(NullLogger.Instance));
    }
}
