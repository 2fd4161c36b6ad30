using Actors.Kernel.Persistence.Journal;
using Actors.Kernel.Persistence.Serialization;

namespace Actors.Kernel.Tests.Persistence;

public sealed class MemoryJournalContractTests : JournalContractTests
{
    protected override IAsyncJournal CreateJournal(SerializerRegistry registry) => new MemoryJournal(registry);
}
