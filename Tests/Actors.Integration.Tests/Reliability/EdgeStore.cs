using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Actors.Integration.Tests.Reliability;

/// <summary>Read-only look into edgecore.db (MetaManager's <c>meta</c> table: key, type, value).</summary>
internal static class EdgeStore
{
    /// <summary>The stored value of <paramref name="key"/> (e.g. <c>default/podpatch/p</c>), or null.</summary>
    public static string? Get(string database, string key)
    {
        using var connection = Open(database);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM meta WHERE key = $key";
        command.Parameters.AddWithValue("$key", key);
        return command.ExecuteScalar() as string;
    }

    /// <summary>The first column of the first row of <paramref name="sql"/> (null when there is none or the table does not exist yet).</summary>
    public static object? Scalar(string database, string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = Open(database);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        try
        {
            return command.ExecuteScalar();
        }
        catch (SqliteException e) when (e.Message.Contains("no such table", StringComparison.Ordinal))
        {
            return null;
        }
    }

    /// <summary>Every row of one type: key → value.</summary>
    public static IReadOnlyDictionary<string, string> List(string database, string type)
    {
        using var connection = Open(database);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT key, value FROM meta WHERE type = $type";
        command.Parameters.AddWithValue("$type", type);
        using var reader = command.ExecuteReader();
        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            rows[reader.GetString(0)] = reader.GetString(1);
        }

        return rows;
    }

    /// <summary>A stored pod-status patch (a JSON string holding the patch text) as the status object, or null.</summary>
    public static JsonElement? PodPatchStatus(string database, string ns, string name)
    {
        if (Get(database, ns + "/podpatch/" + name) is not { } stored)
        {
            return null;
        }

        using var outer = JsonDocument.Parse(stored);
        var text = outer.RootElement.ValueKind == JsonValueKind.String ? outer.RootElement.GetString()! : stored;
        using var patch = JsonDocument.Parse(text);
        return patch.RootElement.TryGetProperty("status", out var status) ? status.Clone() : null;
    }

    private static SqliteConnection Open(string database)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = database,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString());
        connection.Open();
        return connection;
    }
}
