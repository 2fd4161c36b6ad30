namespace Actors.Edge.Modules.MetaManager.Storage;

/// <summary>A stored row cannot be read back (invalid JSON, unknown type, key and type disagree).</summary>
public sealed class MetaStoreCorruptionException(string table, string key, string reason)
    : Exception($"corrupted row in table '{table}' with key '{key}': {reason}")
{
    public string Table { get; } = table;

    public string Key { get; } = key;

    public string Reason { get; } = reason;
}
