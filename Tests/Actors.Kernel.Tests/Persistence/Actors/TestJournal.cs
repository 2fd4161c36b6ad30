using Actors.Kernel.Persistence.Journal;

namespace Actors.Kernel.Tests.Persistence.Actors;

/// <summary>
/// A journal decorator for tests: writes and replays can be held on a gate, writes can be made to
/// fail (faulted task) and replays to fail with an exception.
/// </summary>
internal sealed class TestJournal(IAsyncJournal inner) : IAsyncJournal
{
    private volatile TaskCompletionSource? _writeGate;
    private volatile TaskCompletionSource? _replayGate;

    public IAsyncJournal Inner => inner;

    public bool FailWrites { get; set; }

    public Exception? ReplayFailure { get; set; }

    public int WriteCalls => Volatile.Read(ref _writeCalls);

    private int _writeCalls;

    /// <summary>Holds every write until <see cref="OpenWrites"/>.</summary>
    public void HoldWrites() => _writeGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void OpenWrites() => _writeGate?.TrySetResult();

    /// <summary>Completes when a replay has been requested.</summary>
    public Task ReplayRequested => _replayRequested.Task;

    private readonly TaskCompletionSource _replayRequested = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void HoldReplays() => _replayGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void OpenReplays() => _replayGate?.TrySetResult();

    public async Task<IReadOnlyList<Exception?>> WriteMessagesAsync(IReadOnlyList<AtomicWrite> messages)
    {
        Interlocked.Increment(ref _writeCalls);
        if (_writeGate is { } gate)
        {
            await gate.Task.WaitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        }

        if (FailWrites)
        {
            throw new InvalidOperationException("test journal: disk on fire");
        }

        return await inner.WriteMessagesAsync(messages).ConfigureAwait(false);
    }

    public async Task ReplayMessagesAsync(
        string persistenceId, long fromSequenceNr, long toSequenceNr, long max,
        Action<IPersistentRepresentation> recoveryCallback, CancellationToken cancellationToken = default)
    {
        _replayRequested.TrySetResult();
        if (_replayGate is { } gate)
        {
            await gate.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);
        }

        if (ReplayFailure is { } failure)
        {
            throw failure;
        }

        await inner.ReplayMessagesAsync(persistenceId, fromSequenceNr, toSequenceNr, max, recoveryCallback, cancellationToken).ConfigureAwait(false);
    }

    public Task<long> ReadHighestSequenceNrAsync(string persistenceId, long fromSequenceNr, CancellationToken cancellationToken = default) =>
        inner.ReadHighestSequenceNrAsync(persistenceId, fromSequenceNr, cancellationToken);

    public Task DeleteMessagesToAsync(string persistenceId, long toSequenceNr) => inner.DeleteMessagesToAsync(persistenceId, toSequenceNr);
}
