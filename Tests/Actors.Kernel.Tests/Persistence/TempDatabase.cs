using Microsoft.Data.Sqlite;

namespace Actors.Kernel.Tests.Persistence;

/// <summary>A SQLite file in a fresh temporary directory, removed on dispose.</summary>
internal sealed class TempDatabase : IDisposable
{
    public TempDatabase()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("edgeactors-persistence-").FullName;
        Path = System.IO.Path.Combine(Directory, "journal.db");
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = Path }.ToString();
    }

    public string Directory { get; }

    public string Path { get; }

    public string ConnectionString { get; }

    /// <summary>A raw connection for inspecting or tampering with rows.</summary>
    public SqliteConnection OpenRaw()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    public long Scalar(string sql)
    {
        using var connection = OpenRaw();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Execute(string sql)
    {
        using var connection = OpenRaw();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A still-open handle on a loaded machine; the temp directory is reclaimed later.
        }
    }
}
