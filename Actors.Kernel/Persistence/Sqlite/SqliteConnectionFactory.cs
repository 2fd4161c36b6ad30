using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Actors.Kernel.Persistence.Sqlite;

/// <summary>
/// Opens connections with the durability settings applied: WAL (readers never block the writer),
/// the configured <c>synchronous</c> level and a busy timeout.
/// </summary>
internal sealed class SqliteConnectionFactory
{
    private readonly string _connectionString;
    private readonly string _pragmas;

    public SqliteConnectionFactory(string connectionString, TimeSpan timeout, SqliteSynchronousMode synchronous)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString)
        {
            DefaultTimeout = (int)Math.Ceiling(timeout.TotalSeconds),
        };
        _connectionString = builder.ToString();
        _pragmas = string.Create(
            CultureInfo.InvariantCulture,
            $"PRAGMA busy_timeout = {(long)timeout.TotalMilliseconds}; PRAGMA synchronous = {(int)synchronous};");
    }

    /// <summary>Opens a connection; switches the database file to WAL when <paramref name="setWal"/>.</summary>
    public SqliteConnection Open(bool setWal = false)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            Execute(connection, _pragmas);
            if (setWal)
            {
                // Persistent in the file; in-memory databases answer "memory" and keep working.
                Execute(connection, "PRAGMA journal_mode = WAL;");
            }

            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public static bool TableExists(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = $name";
        command.Parameters.AddWithValue("$name", table);
        return command.ExecuteScalar() is not null;
    }
}
