using Actors.Edge.Modules.MetaManager.Storage.Models;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Actors.Edge.Modules.MetaManager.Storage;

/// <summary>
/// <see cref="IMetaStore"/> on one SQLite connection (WAL, busy timeout) with KubeEdge v1.23+'s table layout
/// (see <see cref="SqliteSchema"/>), so <c>sqlite3 edgecore.db 'select * from meta'</c> shows what KubeEdge shows.
/// Writes retry transient errors (busy, locked, I/O, full) with doubling backoff, then throw
/// <see cref="MetaStoreWriteException"/>. Owned by one actor; calls are additionally serialised by a lock.
/// </summary>
public sealed partial class SqliteMetaStore : IMetaStore
{
    private readonly SqliteConnection _connection;
    private readonly MetaStoreOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly ISqliteWriteFault? _fault;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SqliteCommand? _selectByKey;
    private SqliteCommand? _upsert;

    /// <summary>Opens (creating if needed) the database file and migrates it to the latest schema.</summary>
    public SqliteMetaStore(string path, MetaStoreOptions options, ILogger<SqliteMetaStore> logger, TimeProvider? time = null)
        : this(path, options, logger, time, null)
    {
    }

    internal SqliteMetaStore(string path, MetaStoreOptions options, ILogger logger, TimeProvider? time, ISqliteWriteFault? fault)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options.Validate();
        (_options, _logger, _time, _fault) = (options, logger, time ?? TimeProvider.System, fault);
        // Microsoft.Data.Sqlite retries a busy statement itself until the command timeout (default 30 s) runs out, on
        // top of SQLite's busy_timeout: both are set from BusyTimeout so a held lock stalls a write at most that long.
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Pooling = false,
            DefaultTimeout = CommandTimeoutSeconds(options.EffectiveBusyTimeout),
        };
        _connection = new SqliteConnection(builder.ToString());
        try
        {
            _connection.Open();
            Exec($"PRAGMA journal_mode=WAL; PRAGMA synchronous={(options.SynchronousFull ? "FULL" : "NORMAL")};");
            Exec($"PRAGMA busy_timeout={(int)options.EffectiveBusyTimeout.TotalMilliseconds};");
            SqliteSchema.Migrate(_connection);
        }
        catch
        {
            _connection.Dispose();
            throw;
        }
    }

    public Task<bool> UpsertAsync(MetaRecord record, CancellationToken cancellationToken = default)
    {
        MetaRowRules.Check(record, _options.MaxValueBytes);
        return WriteAsync($"upsert of '{record.Key}'", tx =>
        {
            var old = ReadRow(tx, record.Key);
            UpsertRow(tx, record);
            return old is null || MetaRowRules.RowProblem(old.Key, old.Type, old.Value) is not null
                || !MetaValueComparer.SameObject(old.Value, record.Value);
        }, cancellationToken);
    }

    public async Task<MetaRecord?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        MetaRowRules.CheckKey(key);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var row = ReadRow(null, key);
            if (row is not null && MetaRowRules.RowProblem(row.Key, row.Type, row.Value) is { } problem)
            {
                throw new MetaStoreCorruptionException("meta", key, problem);
            }

            return row;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<MetaList<MetaRecord>> ListAsync(string type, string? ns = null, CancellationToken cancellationToken = default)
    {
        MetaRowRules.CheckType(type);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var cmd = _connection.CreateCommand();
            cmd.CommandText = "SELECT key, type, value FROM meta WHERE type = $t"
                + (ns is null ? string.Empty : " AND substr(key, 1, length($p)) = $p") + " ORDER BY key";
            cmd.Parameters.AddWithValue("$t", type);
            cmd.Parameters.AddWithValue("$p", ns + "/");
            using var reader = cmd.ExecuteReader();
            var (good, bad) = (new List<MetaRecord>(), new List<CorruptRow>());
            while (reader.Read())
            {
                var (key, value) = (reader.GetString(0), reader.IsDBNull(2) ? null : reader.GetString(2));
                if (MetaRowRules.RowProblem(key, type, value) is { } problem)
                {
                    bad.Add(new CorruptRow("meta", key, problem));
                    _logger.LogWarning("Skipped corrupted meta row {Key} while listing: {Problem}", key, problem);
                }
                else
                {
                    good.Add(new MetaRecord(key, type, value!));
                }
            }

            return new MetaList<MetaRecord>(good, bad);
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        MetaRowRules.CheckKey(key);
        return WriteAsync($"delete of '{key}'", tx => DeleteRow(tx, "meta", key), cancellationToken);
    }

    public Task<PodDeleteResult> DeletePodAsync(string ns, string name, string uid, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(uid);
        var key = $"{ns}/pod/{name}";
        MetaRowRules.CheckKey(key, nameof(name));
        return WriteAsync($"delete of pod '{key}'", tx =>
        {
            var row = ReadRow(tx, key);
            if (row is null)
            {
                return PodDeleteResult.NotFound;
            }

            if (!PodUid.Matches("meta", row, uid))
            {
                return PodDeleteResult.UidMismatch;
            }

            DeleteRow(tx, "meta", key);
            DeleteRow(tx, "meta", $"{ns}/podpatch/{name}");
            return PodDeleteResult.Deleted;
        }, cancellationToken);
    }

    public Task WriteBatchAsync(IReadOnlyList<MetaWrite> writes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writes);
        for (var i = 0; i < writes.Count; i++)
        {
            MetaRowRules.Check(writes[i], i, _options.MaxValueBytes);
        }

        return WriteAsync($"batch of {writes.Count} writes", tx =>
        {
            var upsert = UpsertCommand(tx);
            using var upsertV2 = Command(tx, V2UpsertSql, "$k", "$g", "$n", "$m", "$r", "$v");
            foreach (var write in writes)
            {
                switch (write)
                {
                    case MetaWrite.Upsert u: Run(upsert, u.Record.Key, u.Record.Type, u.Record.Value); break;
                    case MetaWrite.Delete d: DeleteRow(tx, "meta", d.Key); break;
                    case MetaWrite.UpsertV2 u2: RunV2(upsertV2, u2.Record); break;
                    case MetaWrite.DeleteV2 d2: DeleteRow(tx, "meta_v2", d2.Key); break;
                }
            }

            return true;
        }, cancellationToken);
    }

    public Task UpsertV2Async(MetaV2Record record, CancellationToken cancellationToken = default)
    {
        MetaRowRules.Check(record, _options.MaxValueBytes);
        return WriteAsync($"meta_v2 upsert of '{record.Key}'", tx =>
        {
            using var cmd = Command(tx, V2UpsertSql, "$k", "$g", "$n", "$m", "$r", "$v");
            RunV2(cmd, record);
            return true;
        }, cancellationToken);
    }

    public async Task<MetaV2Record?> GetV2Async(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var list = await QueryV2Async("key = $a", key, null, cancellationToken).ConfigureAwait(false);
        return list.Skipped.Count > 0
            ? throw new MetaStoreCorruptionException("meta_v2", key, list.Skipped[0].Reason)
            : (list.Records.Count > 0 ? list.Records[0] : null);
    }

    public Task<MetaList<MetaV2Record>> ListV2Async(string groupVersionResource, string? ns = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(groupVersionResource);
        return QueryV2Async("group_version_resource = $a" + (ns is null ? string.Empty : " AND namespace = $b"), groupVersionResource, ns, cancellationToken);
    }

    public Task<bool> DeleteV2Async(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return WriteAsync($"meta_v2 delete of '{key}'", tx => DeleteRow(tx, "meta_v2", key), cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        _selectByKey?.Dispose();
        _upsert?.Dispose();
        await _connection.DisposeAsync().ConfigureAwait(false);
        _gate.Dispose();
    }

    private const string V2UpsertSql =
        "INSERT OR REPLACE INTO meta_v2 (key, group_version_resource, namespace, name, resource_version, value) VALUES ($k, $g, $n, $m, $r, $v)";

    private async Task<T> WriteAsync<T>(string what, Func<SqliteTransaction, T> work, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    using var tx = _connection.BeginTransaction(deferred: false);
                    var result = work(tx);
                    _fault?.BeforeCommit(attempt);
                    tx.Commit();
                    return result;
                }
                catch (SqliteException e) when (IsTransient(e) && attempt < _options.MaxWriteAttempts)
                {
                    var delay = _options.EffectiveRetryBaseDelay * Math.Pow(2, attempt - 1);
                    _logger.LogWarning("Meta store {What} failed (attempt {Attempt}), retrying in {Delay}: {Error}", what, attempt, delay, e.Message);
                    await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
                }
                catch (SqliteException e)
                {
                    throw new MetaStoreWriteException($"meta store {what} failed after {attempt} attempt(s): {e.Message}", attempt, e);
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The command timeout in whole seconds (at least 1: 0 would mean "wait forever").</summary>
    internal static int CommandTimeoutSeconds(TimeSpan busyTimeout) => Math.Max(1, (int)Math.Ceiling(busyTimeout.TotalSeconds));

    private static bool IsTransient(SqliteException e) => (e.SqliteErrorCode & 0xFF) is 5 or 6 or 10 or 13;
}
