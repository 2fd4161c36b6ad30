using Actors.Edge.Modules.MetaManager.Storage.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Data.Sqlite;

namespace Actors.Edge.Modules.MetaManager.Storage;

/// <summary>Row-level SQL helpers of <see cref="SqliteMetaStore"/>.</summary>
public sealed partial class SqliteMetaStore
{
    private void Exec(string sql)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private SqliteCommand Command(SqliteTransaction? tx, string sql, params string[] parameters)
    {
        var cmd = _connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach (var name in parameters)
        {
            cmd.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return cmd;
    }

    /// <summary>A prepared command kept for the connection's lifetime (re-preparing dominates small statements).</summary>
    private SqliteCommand Cached(ref SqliteCommand? slot, SqliteTransaction? tx, string sql, params string[] parameters)
    {
        slot ??= Command(null, sql, parameters);
        slot.Transaction = tx;
        return slot;
    }

    private static void Run(SqliteCommand cmd, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            cmd.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        cmd.ExecuteNonQuery();
    }

    private static void RunV2(SqliteCommand cmd, MetaV2Record r) =>
        Run(cmd, r.Key, r.GroupVersionResource, r.Namespace, r.Name, (long)r.ResourceVersion, r.Value);

    /// <summary>The raw row (type/value may be null when corrupted), or null when absent.</summary>
    private MetaRecord? ReadRow(SqliteTransaction? tx, string key)
    {
        var cmd = Cached(ref _selectByKey, tx, "SELECT type, value FROM meta WHERE key = $k", "$k");
        cmd.Parameters[0].Value = key;
        using var reader = cmd.ExecuteReader();
        return reader.Read()
            ? new MetaRecord(key, reader.IsDBNull(0) ? null! : reader.GetString(0), reader.IsDBNull(1) ? null! : reader.GetString(1))
            : null;
    }

    private void UpsertRow(SqliteTransaction tx, MetaRecord record)
    {
        Run(UpsertCommand(tx), record.Key, record.Type, record.Value);
    }

    private SqliteCommand UpsertCommand(SqliteTransaction tx) =>
        Cached(ref _upsert, tx, "INSERT OR REPLACE INTO meta (key, type, value) VALUES ($k, $t, $v)", "$k", "$t", "$v");

    private bool DeleteRow(SqliteTransaction tx, string table, string key)
    {
        using var cmd = Command(tx, $"DELETE FROM {table} WHERE key = $k", "$k");
        cmd.Parameters[0].Value = key;
        return cmd.ExecuteNonQuery() > 0;
    }

    private async Task<MetaList<MetaV2Record>> QueryV2Async(string where, string a, string? b, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var cmd = Command(null, "SELECT key, group_version_resource, namespace, name, resource_version, value FROM meta_v2 WHERE "
                + where + " ORDER BY key", "$a", "$b");
            cmd.Parameters[0].Value = a;
            cmd.Parameters[1].Value = (object?)b ?? DBNull.Value;
            using var reader = cmd.ExecuteReader();
            var (good, bad) = (new List<MetaV2Record>(), new List<CorruptRow>());
            while (reader.Read())
            {
                var key = reader.GetString(0);
                var record = new MetaV2Record(key, Text(reader, 1), Text(reader, 2), Text(reader, 3),
                    reader.IsDBNull(4) ? 0 : (ulong)Math.Max(0, reader.GetInt64(4)), Text(reader, 5));
                if (MetaRowRules.RowProblem(record) is { } problem)
                {
                    bad.Add(new CorruptRow("meta_v2", key, problem));
                    _logger.LogWarning("Skipped corrupted meta_v2 row {Key}: {Problem}", key, problem);
                }
                else
                {
                    good.Add(record);
                }
            }

            return new MetaList<MetaV2Record>(good, bad);
        }
        finally
        {
            _gate.Release();
        }
    }

    private static string Text(SqliteDataReader reader, int i) => reader.IsDBNull(i) ? string.Empty : reader.GetString(i);
}
