using Actors.Kernel.Persistence.Journal;
using Actors.Kernel.Persistence.Serialization;
using Actors.Kernel.Persistence.Sqlite;

namespace Actors.Kernel.Tests.Persistence;

public sealed class SqliteJournalContractTests : JournalContractTests
{
    private readonly TempDatabase _db = new();

    protected override IAsyncJournal CreateJournal(SerializerRegistry registry) =>
        new SqliteJournal(new SqliteJournalOptions { ConnectionString = _db.ConnectionString, AutoInitialize = true }, registry);

    protected override void DisposeStorage() => _db.Dispose();
}
