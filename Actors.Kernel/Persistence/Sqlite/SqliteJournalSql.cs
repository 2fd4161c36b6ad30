namespace Actors.Kernel.Persistence.Sqlite;

/// <summary>
/// SQL of the journal. Tables and columns are Akka.Persistence.Sqlite's, so an existing Akka
/// database can be opened and ours read by Akka tooling. Table names are validated identifiers.
/// </summary>
internal sealed class SqliteJournalSql
{
    public SqliteJournalSql(string table, string metadataTable)
    {
        Table = table;
        MetadataTable = metadataTable;
        CreateJournal = $"""
            CREATE TABLE IF NOT EXISTS {table} (
                ordering INTEGER PRIMARY KEY NOT NULL,
                persistence_id VARCHAR(255) NOT NULL,
                sequence_nr INTEGER(8) NOT NULL,
                is_deleted INTEGER(1) NOT NULL,
                manifest VARCHAR(255) NULL,
                timestamp INTEGER NOT NULL,
                payload BLOB NOT NULL,
                tags VARCHAR(2000) NULL,
                serializer_id INTEGER(4),
                UNIQUE (persistence_id, sequence_nr)
            );
            """;
        CreateMetadata = $"""
            CREATE TABLE IF NOT EXISTS {metadataTable} (
                persistence_id VARCHAR(255) NOT NULL,
                sequence_nr INTEGER(8) NOT NULL,
                PRIMARY KEY (persistence_id, sequence_nr)
            );
            """;
        Insert = $"""
            INSERT INTO {table} (persistence_id, sequence_nr, is_deleted, manifest, timestamp, payload, tags, serializer_id)
            VALUES ($pid, $seq, 0, $manifest, $ts, $payload, $tags, $sid)
            """;
        Replay = $"""
            SELECT sequence_nr, manifest, timestamp, payload, tags, serializer_id FROM {table}
            WHERE persistence_id = $pid AND sequence_nr >= $from AND sequence_nr <= $to AND is_deleted = 0
            ORDER BY sequence_nr ASC LIMIT $max
            """;
        Highest = $"""
            SELECT MAX(n) FROM (
                SELECT MAX(sequence_nr) AS n FROM {table} WHERE persistence_id = $pid
                UNION ALL
                SELECT MAX(sequence_nr) AS n FROM {metadataTable} WHERE persistence_id = $pid)
            """;
        DeleteTo = $"""
            DELETE FROM {table} WHERE persistence_id = $pid AND sequence_nr <= $to;
            DELETE FROM {metadataTable} WHERE persistence_id = $pid AND sequence_nr <= $to;
            """;
        KeepHighest = $"INSERT OR IGNORE INTO {metadataTable} (persistence_id, sequence_nr) VALUES ($pid, $seq)";
    }

    public string Table { get; }

    public string MetadataTable { get; }

    public string CreateJournal { get; }

    public string CreateMetadata { get; }

    public string Insert { get; }

    public string Replay { get; }

    public string Highest { get; }

    public string DeleteTo { get; }

    public string KeepHighest { get; }
}
