using Microsoft.Data.Sqlite;

namespace Actors.Kernel.Persistence.Sqlite;

/// <summary>
/// One queued request for the journal's writer loop. <see cref="Execute"/> runs on the writer
/// thread inside the batch transaction; <see cref="Complete"/> / <see cref="Fail"/> run after the
/// commit (or its failure) and must not block: callers' continuations run asynchronously.
/// </summary>
internal abstract class JournalOperation
{
    /// <summary>Events this operation inserts (counts toward the batch size).</summary>
    public abstract int EventCount { get; }

    /// <summary>Payload bytes this operation inserts (counts toward the batch byte limit).</summary>
    public abstract long ByteCount { get; }

    public abstract void Execute(JournalWriteContext context);

    public abstract void Complete();

    public abstract void Fail(Exception error);
}

/// <summary>The writer connection, its open transaction and its reusable prepared commands.</summary>
internal sealed record JournalWriteContext(
    SqliteConnection Connection,
    SqliteTransaction Transaction,
    SqliteJournalSql Sql,
    SqliteCommand InsertCommand);
