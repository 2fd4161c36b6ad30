using Actors.Kernel.Persistence.Journal;
using Actors.Kernel.Persistence.Serialization;
using Actors.Kernel.Persistence.Sqlite;

namespace Actors.Kernel.Tests.Persistence;

/// <summary>The contract on a shared-cache in-memory SQLite database (no file, no WAL).</summary>
public sealed class SqliteInMemoryJournalContractTests : JournalContractTests
{
    protected override IAsyncJournal CreateJournal(SerializerRegistry registry) =>
        new SqliteJournal(
            new SqliteJournalOptions { ConnectionString = $"Data Source=journal-{Guid.NewGuid():N};Mode=Memory;Cache=Shared", AutoInitialize = true },
            registry);
}
