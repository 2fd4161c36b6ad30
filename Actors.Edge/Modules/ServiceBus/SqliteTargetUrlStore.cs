using Microsoft.Data.Sqlite;

namespace Actors.Edge.Modules.ServiceBus;

/// <summary>
/// <see cref="ITargetUrlStore"/> in its own SQLite file (WAL): table <c>target_urls(url TEXT PRIMARY KEY)</c> as in
/// KubeEdge, so <c>sqlite3 servicebus.db 'select * from target_urls'</c> shows the allow-list.
/// </summary>
public sealed class SqliteTargetUrlStore : ITargetUrlStore
{
    private readonly SqliteConnection _connection;

    /// <summary>Opens (creating when missing) the database at <paramref name="path"/>.</summary>
    public SqliteTargetUrlStore(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, DefaultTimeout = 5 }.ToString());
        _connection.Open();
        Execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000;" +
                "CREATE TABLE IF NOT EXISTS target_urls (url TEXT NOT NULL PRIMARY KEY);");
    }

    /// <inheritdoc/>
    public IReadOnlyCollection<string> All()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT url FROM target_urls ORDER BY url";
        using var reader = command.ExecuteReader();
        var urls = new List<string>();
        while (reader.Read())
        {
            urls.Add(reader.GetString(0));
        }

        return urls;
    }

    /// <inheritdoc/>
    public void Add(string url) => Execute("INSERT OR IGNORE INTO target_urls (url) VALUES ($url)", url);

    /// <inheritdoc/>
    public bool Remove(string url) => Execute("DELETE FROM target_urls WHERE url = $url", url) > 0;

    /// <inheritdoc/>
    public void Dispose() => _connection.Dispose();

    private int Execute(string sql, string? url = null)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        if (url is not null)
        {
            command.Parameters.AddWithValue("$url", url);
        }

        return command.ExecuteNonQuery();
    }
}
