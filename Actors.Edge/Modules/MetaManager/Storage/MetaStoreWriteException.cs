namespace Actors.Edge.Modules.MetaManager.Storage;

/// <summary>A write was not committed (after the bounded retries for transient errors); nothing of it is stored.</summary>
public sealed class MetaStoreWriteException(string message, int attempts, Exception inner) : Exception(message, inner)
{
    /// <summary>How many attempts were made.</summary>
    public int Attempts { get; } = attempts;
}
