using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Actors.Bench.Persistence;

/// <summary>
/// Baselines without the journal: plain inserts into the same table with the same pragmas, one
/// transaction per insert (what a naive journal costs) and one transaction for everything (the
/// upper bound of SQLite itself).
/// </summary>
internal static class RawSqliteBaseline
{
    public static (long Events, TimeSpan Elapsed) OneTransactionPerInsert(string connectionString, string synchronous, byte[] payload, int maxEvents, TimeSpan budget)
    {
        using var connection = Open(connectionString, synchronous);
        using var insert = CreateInsert(connection, payload);
        var sw = Stopwatch.StartNew();
        long n = 0;
        while (n < maxEvents && sw.Elapsed < budget)
        {
            using var tx = connection.BeginTransaction(deferred: false);
            insert.Transaction = tx;
            Insert(insert, "raw-single", ++n);
            tx.Commit();
        }

        return (n, sw.Elapsed);
    }

    public static (long Events, TimeSpan Elapsed) OneTransactionForAll(string connectionString, string synchronous, byte[] payload, int events)
    {
        using var connection = Open(connectionString, synchronous);
        using var insert = CreateInsert(connection, payload);
        var sw = Stopwatch.StartNew();
        using (var tx = connection.BeginTransaction(deferred: false))
        {
            insert.Transaction = tx;
            for (long n = 1; n <= events; n++)
            {
                Insert(insert, "raw-bulk", n);
            }

            tx.Commit();
        }

        return (events, sw.Elapsed);
    }

    private static SqliteConnection Open(string connectionString, string synchronous)
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = $"PRAGMA journal_mode = WAL; PRAGMA synchronous = {synchronous}; PRAGMA busy_timeout = 30000;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    private static SqliteCommand CreateInsert(SqliteConnection connection, byte[] payload)
    {
        var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO event_journal (persistence_id, sequence_nr, is_deleted, manifest, timestamp, payload, tags, serializer_id)
            VALUES ($pid, $seq, 0, 'bench-event.v1', $ts, $payload, NULL, 1001)
            """;
        command.Parameters.Add("$pid", SqliteType.Text);
        command.Parameters.Add("$seq", SqliteType.Integer);
        command.Parameters.Add("$ts", SqliteType.Integer);
        command.Parameters.AddWithValue("$payload", payload);
        return command;
    }

    private static void Insert(SqliteCommand insert, string pid, long seq)
    {
        insert.Parameters["$pid"].Value = pid;
        insert.Parameters["$seq"].Value = seq;
        insert.Parameters["$ts"].Value = DateTime.UtcNow.Ticks;
        insert.ExecuteNonQuery();
    }
}
