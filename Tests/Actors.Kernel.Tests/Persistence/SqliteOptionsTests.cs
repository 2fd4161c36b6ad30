using Actors.Kernel.Persistence.Sqlite;

namespace Actors.Kernel.Tests.Persistence;

public sealed class SqliteOptionsTests
{
    [Fact]
    public void JournalFromConfig_AllKeys_BindsEachProperty()
    {
        var values = new Dictionary<string, string>
        {
            ["connection-string"] = "Data Source=/tmp/x.db",
            ["connection-timeout"] = "5s",
            ["table-name"] = "events",
            ["metadata-table-name"] = "events_meta",
            ["auto-initialize"] = "on",
            ["max-message-batch-size"] = "50",
            ["max-batch-bytes"] = "4096",
            ["synchronous"] = "normal",
        };

        var o = SqliteJournalOptions.FromConfig(values.GetValueOrDefault);

        Assert.Equal(
            new SqliteJournalOptions
            {
                ConnectionString = "Data Source=/tmp/x.db", ConnectionTimeout = TimeSpan.FromSeconds(5), TableName = "events",
                MetadataTableName = "events_meta", AutoInitialize = true, MaxMessageBatchSize = 50, MaxBatchBytes = 4096,
                Synchronous = SqliteSynchronousMode.Normal,
            },
            o);
        Assert.Empty(o.Validate());
    }

    [Fact]
    public void JournalFromConfig_NoKeys_UsesAkkaDefaults()
    {
        var o = SqliteJournalOptions.FromConfig(_ => null);

        Assert.Equal("event_journal", o.TableName);
        Assert.Equal("journal_metadata", o.MetadataTableName);
        Assert.False(o.AutoInitialize);
        Assert.Equal(TimeSpan.FromSeconds(30), o.ConnectionTimeout);
        Assert.Equal(SqliteSynchronousMode.Full, o.Synchronous);
        Assert.Contains(o.Validate(), e => e.Contains("connection-string", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("connection-timeout", "soon")]
    [InlineData("auto-initialize", "maybe")]
    [InlineData("max-message-batch-size", "lots")]
    [InlineData("synchronous", "off")]
    public void JournalFromConfig_BadValue_ThrowsNamingKey(string key, string value)
    {
        var ex = Assert.Throws<FormatException>(() => SqliteJournalOptions.FromConfig(k => k == key ? value : null));

        Assert.Contains(key, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SnapshotFromConfig_Keys_BindAndValidate()
    {
        var o = SqliteSnapshotStoreOptions.FromConfig(k => k switch
        {
            "connection-string" => "Data Source=s.db",
            "connection-timeout" => "1500ms",
            "auto-initialize" => "true",
            _ => null,
        });

        Assert.Equal("snapshot", o.TableName);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), o.ConnectionTimeout);
        Assert.True(o.AutoInitialize);
        Assert.Empty(o.Validate());
        Assert.Contains((o with { TableName = "1bad" }).Validate(), e => e.Contains("snapshot-store.sqlite.table-name", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Data Source=:memory:")]
    [InlineData("Data Source=x;Mode=Memory")]
    [InlineData("Data Source=x;Bogus Key=1")]
    public void Validate_UnusableConnectionString_NamesTheKey(string connectionString)
    {
        var errors = new SqliteJournalOptions { ConnectionString = connectionString }.Validate();

        Assert.Contains(errors, e => e.Contains("akka.persistence.journal.sqlite.connection-string", StringComparison.Ordinal));
        Assert.NotEmpty(new SqliteSnapshotStoreOptions { ConnectionString = connectionString }.Validate());
    }

    [Fact]
    public void Validate_SharedInMemoryDatabase_IsAccepted()
    {
        Assert.Empty(new SqliteJournalOptions { ConnectionString = "Data Source=x;Mode=Memory;Cache=Shared" }.Validate());
    }
}
