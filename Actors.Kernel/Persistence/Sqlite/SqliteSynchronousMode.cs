namespace Actors.Kernel.Persistence.Sqlite;

/// <summary>SQLite <c>PRAGMA synchronous</c> levels that make sense with WAL.</summary>
public enum SqliteSynchronousMode
{
    /// <summary>
    /// WAL is synced only at checkpoints: a committed write survives a process crash but the last
    /// commits may be lost on power failure or kernel panic.
    /// </summary>
    Normal = 1,

    /// <summary>
    /// Every commit syncs the WAL: a committed write survives power failure. The default here;
    /// group commit keeps the cost at one sync per batch, not per event.
    /// </summary>
    Full = 2,

    /// <summary>As <see cref="Full"/>, plus a directory sync after WAL resets.</summary>
    Extra = 3,
}
