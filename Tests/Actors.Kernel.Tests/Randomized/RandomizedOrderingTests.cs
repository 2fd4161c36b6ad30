using System.Collections.Concurrent;
using Actors.Kernel.Actor;

namespace Actors.Kernel.Tests.Randomized;

/// <summary>Random senders, receivers and failures: messages of one sender to one receiver are never reordered.</summary>
public sealed class RandomizedOrderingTests : TestKit.TestKit
{
    private sealed record Numbered(string Sender, int Seq, bool Boom);

    private sealed record Go(IActorRef[] Receivers, int Count, int Seed);

    [Fact]
    public void RandomSendersWithFailures_PerPairOrder_NeverViolated()
    {
        var seed = RandomizedSupervisionTests.Seed();
        var rng = new Random(seed);
        var last = new ConcurrentDictionary<(string, string), int>();
        var violations = new ConcurrentQueue<string>();
        var received = new int[1];
        var sup = Sys.ActorOf(Supervisor.Props(new OneForOneStrategy(_ => Directive.Restart)));
        var receivers = Enumerable.Range(0, rng.Next(2, 6))
            .Select(i =>
            {
                sup.Tell(new CreateChild(Props.Create(() => new Receiver(last, violations, received)), "r" + i));
                return ExpectMsg<IActorRef>();
            }).ToArray();
        var senders = Enumerable.Range(0, rng.Next(2, 6))
            .Select(i => Sys.ActorOf(Props.Create(() => new Sender(TestActor)), "s" + i)).ToArray();
        var count = rng.Next(500, 2000);
        foreach (var s in senders)
        {
            s.Tell(new Go(receivers, count, rng.Next()));
        }

        foreach (var _ in senders)
        {
            ExpectMsg("sent", TimeSpan.FromSeconds(20));
        }

        AwaitCondition(() => Volatile.Read(ref received[0]) > 0, TimeSpan.FromSeconds(10));
        foreach (var r in receivers)
        {
            r.Tell(new Identify(null));
            ExpectMsg<ActorIdentity>(TimeSpan.FromSeconds(20));
        }

        Assert.True(violations.IsEmpty, "seed=" + seed + ": " + string.Join("; ", violations.Take(5)));
    }

    private sealed class Sender : ReceiveActor
    {
        public Sender(IActorRef probe) => Receive<Go>(go =>
        {
            var rng = new Random(go.Seed);
            for (var seq = 0; seq < go.Count; seq++)
            {
                go.Receivers[rng.Next(go.Receivers.Length)].Tell(new Numbered(Self.Path.Name, seq, rng.Next(50) == 0));
            }

            probe.Tell("sent");
        });
    }

    private sealed class Receiver : ReceiveActor
    {
        public Receiver(ConcurrentDictionary<(string, string), int> last, ConcurrentQueue<string> violations, int[] received) =>
            Receive<Numbered>(m =>
            {
                Interlocked.Increment(ref received[0]);
                var key = (Self.Path.Name, m.Sender);
                var previous = last.TryGetValue(key, out var p) ? p : -1;
                if (m.Seq <= previous)
                {
                    violations.Enqueue(m.Sender + "->" + Self.Path.Name + ": " + m.Seq + " after " + previous);
                }

                last[key] = m.Seq;
                if (m.Boom)
                {
                    throw new InvalidOperationException("random failure");
                }
            });
    }
}
