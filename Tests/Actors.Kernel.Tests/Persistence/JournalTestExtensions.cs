using System.Collections.Immutable;
using Actors.Kernel.Persistence.Journal;

namespace Actors.Kernel.Tests.Persistence;

internal static class JournalTestExtensions
{
    public static AtomicWrite JournalEvent(string pid, long seqNr, object payload, params string[] tags) =>
        new(new Persistent(payload, seqNr, pid, WriterGuid: "writer-1") { Tags = [.. tags] });

    public static AtomicWrite Events(string pid, long fromSeqNr, params object[] payloads) =>
        new(payloads.Select((p, i) => (IPersistentRepresentation)new Persistent(p, fromSeqNr + i, pid)).ToImmutableArray());

    /// <summary>Writes and asserts no write was rejected.</summary>
    public static async Task WriteOkAsync(this IAsyncJournal journal, params AtomicWrite[] writes)
    {
        var results = await journal.WriteMessagesAsync(writes);
        Assert.Equal(writes.Length, results.Count);
        Assert.All(results, r => Assert.Null(r));
    }

    public static async Task<List<IPersistentRepresentation>> ReplayAsync(
        this IAsyncJournal journal, string pid, long from = 1, long to = long.MaxValue, long max = long.MaxValue)
    {
        var replayed = new List<IPersistentRepresentation>();
        await journal.ReplayMessagesAsync(pid, from, to, max, e =>
        {
            lock (replayed)
            {
                replayed.Add(e);
            }
        });
        return replayed;
    }
}
