using Actors.Kernel.Actor;
using Actors.Kernel.Persistence.Actors;
using Actors.Kernel.Persistence.Journal;
using Actors.Kernel.Persistence.Snapshot;

namespace Actors.Kernel.Tests.Persistence.Actors;

public sealed class UntypedPersistentActorTests : TestKit.TestKit
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    [Fact]
    public void UntypedPersistentActor_PersistThenRestart_RecoversAndUnknownCommandIsUnhandled()
    {
        var persistence = new PersistenceProvider(new MemoryJournal(), new MemorySnapshotStore());
        var a = Sys.ActorOf(Props.Create(() => new Counter(persistence, TestActor)));
        ExpectMsg(0, Deadline);
        a.Tell("inc");
        a.Tell("inc");
        ExpectMsg(1, Deadline);
        ExpectMsg(2, Deadline);
        EventFilter.Unhandled<double>().ExpectOne(() => a.Tell(1.5));
        Watch(a);
        Sys.Stop(a);
        ExpectTerminated(a, Deadline);

        Sys.ActorOf(Props.Create(() => new Counter(persistence, TestActor)));
        ExpectMsg(2, Deadline);
    }

    private sealed class Counter(PersistenceProvider persistence, IActorRef probe) : UntypedPersistentActor(persistence)
    {
        private int _count;

        public override string PersistenceId => "untyped-counter";

        protected override void OnCommand(object message)
        {
            if (message is "inc")
            {
                Persist(1, n => Sender.Tell(_count += n));
            }
            else
            {
                Unhandled(message);
            }
        }

        protected override void OnRecover(object message)
        {
            switch (message)
            {
                case int n: _count += n; break;
                case RecoveryCompleted: probe.Tell(_count); break;
            }
        }
    }
}
