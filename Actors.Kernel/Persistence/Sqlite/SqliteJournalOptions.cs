namespace Actors.Kernel.Persistence.Sqlite;

/// <summary>
/// Settings of the SQLite journal, bound from HOCON section <c>akka.persistence.journal.sqlite</c>
/// (key named on each property; defaults as Akka.Persistence.Sqlite unless stated).
/// </summary>
public sealed record SqliteJournalOptions
{
    /// <summary>HOCON path of the section these options are read from.</summary>
    public const string ConfigPath = "akka.persistence.journal.sqlite";

    /// <summary><c>connection-string</c>: Microsoft.Data.Sqlite connection string, e.g. <c>Data Source=/var/lib/edge/journal.db</c>. Required.</summary>
    public string ConnectionString { get; init; } = string.Empty;

    /// <summary><c>connection-timeout</c> (30s): command timeout and how long a statement waits on a locked database (busy timeout).</summary>
    public TimeSpan ConnectionTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary><c>table-name</c> (event_journal): the events table.</summary>
    public string TableName { get; init; } = "event_journal";

    /// <summary><c>metadata-table-name</c> (journal_metadata): keeps the highest sequence number after deletes.</summary>
    public string MetadataTableName { get; init; } = "journal_metadata";

    /// <summary><c>auto-initialize</c> (off, as Akka): create the tables when missing. When off and they are missing, start-up fails naming them.</summary>
    public bool AutoInitialize { get; init; }

    /// <summary>
    /// <c>max-message-batch-size</c> (200, Akka's journal fallback): most events committed in one
    /// transaction by the group-commit writer (an <c>AtomicWrite</c> larger than this still goes whole).
    /// </summary>
    public int MaxMessageBatchSize { get; init; } = 200;

    /// <summary><c>max-batch-bytes</c> (1048576; ours, not Akka's): most payload bytes per group-commit transaction.</summary>
    public int MaxBatchBytes { get; init; } = 1024 * 1024;

    /// <summary>
    /// <c>synchronous</c> (full; ours, not Akka's): SQLite <c>PRAGMA synchronous</c>. Full makes each
    /// acknowledged write survive power loss; the cost is one WAL sync per batch.
    /// </summary>
    public SqliteSynchronousMode Synchronous { get; init; } = SqliteSynchronousMode.Full;

    /// <summary>
    /// Reads the options from a config section. <paramref name="get"/> returns the raw value of a
    /// key relative to <see cref="ConfigPath"/> (e.g. <c>"table-name"</c>), or null when absent.
    /// Throws <see cref="FormatException"/> naming the key for an unparsable value.
    /// </summary>
    public static SqliteJournalOptions FromConfig(Func<string, string?> get)
    {
        var o = new SqliteJournalOptions();
        return o with
        {
            ConnectionString = get("connection-string") ?? o.ConnectionString,
            ConnectionTimeout = get("connection-timeout") is { } t ? OptionValues.ParseDuration("connection-timeout", t) : o.ConnectionTimeout,
            TableName = get("table-name") ?? o.TableName,
            MetadataTableName = get("metadata-table-name") ?? o.MetadataTableName,
            AutoInitialize = get("auto-initialize") is { } a ? OptionValues.ParseBool("auto-initialize", a) : o.AutoInitialize,
            MaxMessageBatchSize = get("max-message-batch-size") is { } b ? OptionValues.ParseInt("max-message-batch-size", b) : o.MaxMessageBatchSize,
            MaxBatchBytes = get("max-batch-bytes") is { } m ? OptionValues.ParseInt("max-batch-bytes", m) : o.MaxBatchBytes,
            Synchronous = get("synchronous") is { } s ? OptionValues.ParseSynchronous("synchronous", s) : o.Synchronous,
        };
    }

    /// <summary>Problems with these options, each naming its key; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = OptionValues.ValidateStore(ConfigPath, ConnectionString, ConnectionTimeout, TableName);

        if (!OptionValues.IsValidIdentifier(MetadataTableName) || MetadataTableName == TableName)
        {
            errors.Add($"{ConfigPath}.metadata-table-name '{MetadataTableName}' is not a plain SQL identifier distinct from table-name.");
        }

        if (MaxMessageBatchSize < 1)
        {
            errors.Add($"{ConfigPath}.max-message-batch-size must be at least 1.");
        }

        if (MaxBatchBytes < 1)
        {
            errors.Add($"{ConfigPath}.max-batch-bytes must be at least 1.");
        }

        return errors;
    }
}
