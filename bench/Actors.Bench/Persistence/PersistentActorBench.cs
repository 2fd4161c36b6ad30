using System.Diagnostics;
using Actors.Kernel.Actor;
using Actors.Kernel.Persistence.Actors;
using Actors.Kernel.Persistence.Journal;
using Actors.Kernel.Persistence.Snapshot;

namespace Actors.Bench.Persistence;

/// <summary>
/// The <c>persistent-actor</c> case: N <see cref="ReceivePersistentActor"/>s on the same SQLite
/// journal, each persisting its events one after another with <c>Persist</c> (the next event is
/// persisted from the previous event's handler), so the figure includes stashing, the journal
/// reply messages and handler dispatch on top of the raw journal rows of the same run.
/// </summary>
internal static class PersistentActorBench
{
    public static async Task<(long Events, TimeSpan Elapsed)> Run(IAsyncJournal journal, int actors, int perActor, BenchEvent sample)
    {
        var system = ActorSystem.Create("bench-persistent-actor");
        try
        {
            var persistence = new PersistenceProvider(journal, new MemorySnapshotStore());
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var remaining = actors;
            void OneDone()
            {
                if (Interlocked.Decrement(ref remaining) == 0)
                {
                    done.TrySetResult();
                }
            }

            var refs = Enumerable.Range(0, actors)
                .Select(i => system.ActorOf(Props.Create(() => new BenchActor(persistence, "pa-" + i, sample, perActor, OneDone))))
                .ToList();
            var sw = Stopwatch.StartNew();
            refs.ForEach(r => r.Tell("go", null));
            await done.Task.WaitAsync(TimeSpan.FromMinutes(10)).ConfigureAwait(false);
            return ((long)actors * perActor, sw.Elapsed);
        }
        finally
        {
            await system.Terminate().WaitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        }
    }

    private sealed class BenchActor : ReceivePersistentActor
    {
        private readonly string _persistenceId;
        private int _persisted;

        public BenchActor(PersistenceProvider persistence, string persistenceId, BenchEvent sample, int count, Action done)
            : base(persistence)
        {
            _persistenceId = persistenceId;
            Recover<BenchEvent>(_ => _persisted++);
            Command<string>(_ => Next());

            void Next() => Persist(sample with { Attempt = _persisted + 1 }, _ =>
            {
                if (++_persisted < count)
                {
                    Next();
                }
                else
                {
                    done();
                }
            });
        }

        public override string PersistenceId => _persistenceId;
    }
}
