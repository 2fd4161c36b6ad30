namespace Actors.Kernel.Persistence.Sqlite;

/// <summary>
/// Settings of the SQLite snapshot store, bound from HOCON section
/// <c>akka.persistence.snapshot-store.sqlite</c> (key named on each property).
/// </summary>
public sealed record SqliteSnapshotStoreOptions
{
    /// <summary>HOCON path of the section these options are read from.</summary>
    public const string ConfigPath = "akka.persistence.snapshot-store.sqlite";

    /// <summary><c>connection-string</c>: Microsoft.Data.Sqlite connection string. Required; may name the journal's file.</summary>
    public string ConnectionString { get; init; } = string.Empty;

    /// <summary><c>connection-timeout</c> (30s): command timeout and busy timeout.</summary>
    public TimeSpan ConnectionTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary><c>table-name</c> (snapshot).</summary>
    public string TableName { get; init; } = "snapshot";

    /// <summary><c>auto-initialize</c> (off, as Akka): create the table when missing.</summary>
    public bool AutoInitialize { get; init; }

    /// <summary><c>synchronous</c> (full; ours): SQLite <c>PRAGMA synchronous</c>.</summary>
    public SqliteSynchronousMode Synchronous { get; init; } = SqliteSynchronousMode.Full;

    /// <summary>Reads the options; <paramref name="get"/> returns a key's raw value relative to <see cref="ConfigPath"/>, or null.</summary>
    public static SqliteSnapshotStoreOptions FromConfig(Func<string, string?> get)
    {
        var o = new SqliteSnapshotStoreOptions();
        return o with
        {
            ConnectionString = get("connection-string") ?? o.ConnectionString,
            ConnectionTimeout = get("connection-timeout") is { } t ? OptionValues.ParseDuration("connection-timeout", t) : o.ConnectionTimeout,
            TableName = get("table-name") ?? o.TableName,
            AutoInitialize = get("auto-initialize") is { } a ? OptionValues.ParseBool("auto-initialize", a) : o.AutoInitialize,
            Synchronous = get("synchronous") is { } s ? OptionValues.ParseSynchronous("synchronous", s) : o.Synchronous,
        };
    }

    /// <summary>Problems with these options, each naming its key; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = OptionValues.ValidateStore(ConfigPath, ConnectionString, ConnectionTimeout, TableName);

        return errors;
    }
}
