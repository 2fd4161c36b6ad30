namespace Actors.Kernel.Persistence.Sqlite;

/// <summary>SQL of the snapshot store, on Akka.Persistence.Sqlite's <c>snapshot</c> table.</summary>
internal sealed class SqliteSnapshotSql
{
    private const string Criteria =
        "persistence_id = $pid AND sequence_nr >= $minSeq AND sequence_nr <= $maxSeq AND created_at >= $minTs AND created_at <= $maxTs";

    public SqliteSnapshotSql(string table)
    {
        Table = table;
        Create = $"""
            CREATE TABLE IF NOT EXISTS {table} (
                persistence_id VARCHAR(255) NOT NULL,
                sequence_nr INTEGER(8) NOT NULL,
                created_at INTEGER(8) NOT NULL,
                manifest VARCHAR(255) NOT NULL,
                payload BLOB NOT NULL,
                serializer_id INTEGER(4),
                PRIMARY KEY (persistence_id, sequence_nr)
            );
            """;
        Upsert = $"""
            INSERT INTO {table} (persistence_id, sequence_nr, created_at, manifest, payload, serializer_id)
            VALUES ($pid, $seq, $ts, $manifest, $payload, $sid)
            ON CONFLICT (persistence_id, sequence_nr) DO UPDATE SET
                created_at = excluded.created_at, manifest = excluded.manifest,
                payload = excluded.payload, serializer_id = excluded.serializer_id
            """;
        SelectLatest = $"""
            SELECT sequence_nr, created_at, manifest, payload, serializer_id FROM {table}
            WHERE {Criteria} ORDER BY sequence_nr DESC LIMIT 1
            """;
        DeleteOne = $"DELETE FROM {table} WHERE persistence_id = $pid AND sequence_nr = $seq";
        DeleteMatching = $"DELETE FROM {table} WHERE {Criteria}";
    }

    public string Table { get; }

    public string Create { get; }

    public string Upsert { get; }

    public string SelectLatest { get; }

    public string DeleteOne { get; }

    public string DeleteMatching { get; }
}
