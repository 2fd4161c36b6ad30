namespace Actors.Edge.Modules.MetaManager.Storage;

/// <summary>Settings of a meta store; <see cref="Validate"/> is called by the stores' constructors.</summary>
/// <param name="MaxValueBytes">Largest accepted value (UTF-8 bytes); default 3 MiB (twice etcd's request limit).</param>
/// <param name="MaxWriteAttempts">Attempts for a write that fails with a transient SQLite error (busy, locked, I/O).</param>
/// <param name="RetryBaseDelay">Backoff before the second attempt; doubled for each further attempt.</param>
/// <param name="BusyTimeout">SQLite busy timeout of the connection.</param>
/// <param name="SynchronousFull">
/// <c>PRAGMA synchronous=FULL</c> (survives power loss) instead of <c>NORMAL</c> (with WAL: survives a process
/// crash, the last commits may be lost on power loss).
/// </param>
public sealed record MetaStoreOptions(
    int MaxValueBytes = 3 * 1024 * 1024,
    int MaxWriteAttempts = 5,
    TimeSpan? RetryBaseDelay = null,
    TimeSpan? BusyTimeout = null,
    bool SynchronousFull = false)
{
    /// <summary>Backoff before the second attempt (default 50 ms).</summary>
    public TimeSpan EffectiveRetryBaseDelay => RetryBaseDelay ?? TimeSpan.FromMilliseconds(50);

    /// <summary>Busy timeout (default 5 s).</summary>
    public TimeSpan EffectiveBusyTimeout => BusyTimeout ?? TimeSpan.FromSeconds(5);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (MaxValueBytes <= 0)
        {
            throw new ArgumentException($"MaxValueBytes must be positive, got {MaxValueBytes}");
        }

        if (MaxWriteAttempts is < 1 or > 100)
        {
            throw new ArgumentException($"MaxWriteAttempts must be 1..100, got {MaxWriteAttempts}");
        }

        if (EffectiveRetryBaseDelay < TimeSpan.Zero || EffectiveBusyTimeout < TimeSpan.Zero)
        {
            throw new ArgumentException("RetryBaseDelay and BusyTimeout must not be negative");
        }
    }
}
