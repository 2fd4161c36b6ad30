using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace Actors.Cloud.ApiServer.Storage;

public sealed partial class SqliteObjectStore
{
    /// <summary>A write transaction on the writer connection (or a read-only view when <c>sqlTx</c> is null).</summary>
    private sealed class Transaction(SqliteObjectStore store, SqliteTransaction? sqlTx, long revision) : IStoreTransaction
    {
        public long Revision { get; private set; } = revision;

        public List<StoredEvent> Events { get; } = [];

        public JsonObject? Get(ObjectKey key)
        {
            using var cmd = Command("SELECT data FROM objects WHERE kind=$k AND ns=$n AND name=$m");
            Bind(cmd, key);
            return cmd.ExecuteScalar() is string s ? (JsonObject)JsonNode.Parse(s)! : null;
        }

        public IReadOnlyList<JsonObject> List(string kindKey, string? ns)
        {
            using var cmd = Command(ns is null
                ? "SELECT data FROM objects WHERE kind=$k ORDER BY ns, name"
                : "SELECT data FROM objects WHERE kind=$k AND ns=$n ORDER BY ns, name");
            cmd.Parameters.AddWithValue("$k", kindKey);
            if (ns is not null)
            {
                cmd.Parameters.AddWithValue("$n", ns);
            }

            using var reader = cmd.ExecuteReader();
            var list = new List<JsonObject>();
            while (reader.Read())
            {
                list.Add((JsonObject)JsonNode.Parse(reader.GetString(0))!);
            }

            return list;
        }

        public IReadOnlyList<ObjectKey> KeysInNamespace(string ns)
        {
            using var cmd = Command("SELECT kind, name FROM objects WHERE ns=$n ORDER BY kind, name");
            cmd.Parameters.AddWithValue("$n", ns);
            using var reader = cmd.ExecuteReader();
            var list = new List<ObjectKey>();
            while (reader.Read())
            {
                list.Add(new ObjectKey(reader.GetString(0), ns, reader.GetString(1)));
            }

            return list;
        }

        public JsonObject Put(ObjectKey key, JsonObject obj)
        {
            string? previous;
            using (var read = Command("SELECT data FROM objects WHERE kind=$k AND ns=$n AND name=$m"))
            {
                Bind(read, key);
                previous = read.ExecuteScalar() as string;
            }

            Revision++;
            var stored = (JsonObject)obj.DeepClone();
            Meta.Metadata(stored)["resourceVersion"] = RevisionText(Revision);
            var text = stored.ToJsonString();
            using (var cmd = Command("""
                INSERT INTO objects(kind, ns, name, rv, data) VALUES($k, $n, $m, $r, $d)
                ON CONFLICT(kind, ns, name) DO UPDATE SET rv=$r, data=$d
                """))
            {
                Bind(cmd, key);
                cmd.Parameters.AddWithValue("$r", Revision);
                cmd.Parameters.AddWithValue("$d", text);
                cmd.ExecuteNonQuery();
            }

            Record(previous is null ? StoredEvent.Added : StoredEvent.Modified, key, text, previous);
            return (JsonObject)JsonNode.Parse(text)!;
        }

        public JsonObject Delete(ObjectKey key, JsonObject last)
        {
            Revision++;
            var stored = (JsonObject)last.DeepClone();
            Meta.Metadata(stored)["resourceVersion"] = RevisionText(Revision);
            var text = stored.ToJsonString();
            using (var cmd = Command("DELETE FROM objects WHERE kind=$k AND ns=$n AND name=$m"))
            {
                Bind(cmd, key);
                cmd.ExecuteNonQuery();
            }

            Record(StoredEvent.Deleted, key, text);
            return (JsonObject)JsonNode.Parse(text)!;
        }

        private void Record(string type, ObjectKey key, string text, string? previous = null)
        {
            using var cmd = Command("INSERT INTO events(rv, type, kind, ns, name, data) VALUES($r, $t, $k, $n, $m, $d)");
            Bind(cmd, key);
            cmd.Parameters.AddWithValue("$r", Revision);
            cmd.Parameters.AddWithValue("$t", type);
            cmd.Parameters.AddWithValue("$d", text);
            cmd.ExecuteNonQuery();

            // The published copy is parsed once and fully materialized so concurrent watchers only read it.
            var published = (JsonObject)JsonNode.Parse(text)!;
            _ = published.ToJsonString();
            Events.Add(new StoredEvent(type, Revision, key, published, previous));
        }

        private SqliteCommand Command(string sql)
        {
            var cmd = store._writer.CreateCommand();
            cmd.Transaction = sqlTx;
            cmd.CommandText = sql;
            return cmd;
        }

        private static void Bind(SqliteCommand cmd, ObjectKey key)
        {
            cmd.Parameters.AddWithValue("$k", key.KindKey);
            cmd.Parameters.AddWithValue("$n", key.Namespace);
            cmd.Parameters.AddWithValue("$m", key.Name);
        }
    }
}
