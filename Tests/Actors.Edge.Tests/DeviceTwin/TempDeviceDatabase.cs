using Microsoft.Data.Sqlite;

namespace Actors.Edge.Tests.DeviceTwin;

/// <summary>A device database file in a fresh temporary directory, removed on dispose.</summary>
internal sealed class TempDeviceDatabase : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("edgeactors-devicetwin-").FullName;

    public TempDeviceDatabase() =>
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(_directory, "edgecore.db"), Pooling = false }.ToString();

    public string ConnectionString { get; }

    public SqliteConnection OpenRaw()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    public List<object?[]> Rows(string sql)
    {
        using var connection = OpenRaw();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
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
        Directory.Delete(_directory, recursive: true);
    }
}
