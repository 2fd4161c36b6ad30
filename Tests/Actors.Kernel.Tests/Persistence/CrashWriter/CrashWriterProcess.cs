using System.Globalization;
using Actors.Kernel.Persistence.Sqlite;

namespace Actors.Kernel.Tests.Persistence.CrashWriter;

/// <summary>
/// Child process for the SIGKILL test: N writers append to streams <c>crash-0..N-1</c> forever and
/// print <c>"writer seqNr"</c> on stdout after each write task completes. The parent kills it.
/// </summary>
internal static class CrashWriterProcess
{
    public const string Mode = "persistence-crash-writer";

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length != 2)
        {
            await Console.Error.WriteLineAsync($"usage: {Mode} DB_PATH WRITERS");
            return 2;
        }

        var writers = int.Parse(args[1], CultureInfo.InvariantCulture);
        using var journal = new SqliteJournal(
            new SqliteJournalOptions { ConnectionString = $"Data Source={args[0]}", AutoInitialize = true },
            PersistenceTestEvents.CreateRegistry());
        var loops = Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (long seq = 1; ; seq++)
            {
                var results = await journal.WriteMessagesAsync([JournalTestExtensions.JournalEvent($"crash-{w}", seq, new PodQueued($"pod-{w}", (int)seq))]);
                if (results[0] is { } rejected)
                {
                    throw rejected;
                }

                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{w} {seq}"));
            }
        }));
        await Task.WhenAll(loops);
        return 0;
    }
}
