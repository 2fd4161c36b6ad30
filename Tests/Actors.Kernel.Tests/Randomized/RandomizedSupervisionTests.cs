using System.Collections.Concurrent;
using System.Globalization;
using Actors.Kernel.Actor;

namespace Actors.Kernel.Tests.Randomized;

/// <summary>
/// Random actor trees with random failures end in the states each strategy defines. The seed is
/// random per run (or EDGEACTORS_RANDOM_SEED) and printed in every failure message.
/// </summary>
public sealed class RandomizedSupervisionTests : TestKit.TestKit
{
    public static TheoryData<string> Strategies =>
        ["OneForOne-Restart", "OneForOne-Resume", "OneForOne-Stop", "AllForOne-Restart", "AllForOne-Stop"];

    internal static int Seed() =>
        int.TryParse(Environment.GetEnvironmentVariable("EDGEACTORS_RANDOM_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s)
            ? s : Random.Shared.Next();

    [Theory]
    [MemberData(nameof(Strategies))]
    public async Task RandomTree_RandomFailures_EndInStrategyStates(string strategy)
    {
        var seed = Seed();
        var rng = new Random(seed);
        var context = "seed=" + seed + " strategy=" + strategy;
        var spec = new NodeSpec("root", Children(rng, 0));
        var incarnations = new ConcurrentDictionary<string, int>();
        Sys.ActorOf(Props.Create(() => new TreeNodeActor(spec, () => Strategy(strategy), incarnations)), "root");
        var model = new TreeModel(spec, "/user/root");
        await Verify(model, context + " step=initial");
        for (var step = 0; step < 12; step++)
        {
            var alive = model.AliveNonRoot.ToList();
            if (alive.Count == 0)
            {
                break;
            }

            var target = alive[rng.Next(alive.Count)];
            var actor = await Sys.ActorSelection(target).ResolveOne(TimeSpan.FromSeconds(3));
            if (rng.Next(3) == 0)
            {
                actor.Tell(new Fail());
                model.Fail(target, strategy);
            }
            else
            {
                var n = rng.Next(1, 4);
                for (var i = 0; i < n; i++)
                {
                    actor.Tell(new Inc());
                    model.Inc(target);
                }
            }

            await Verify(model, context + " step=" + step + " target=" + target);
        }
    }

    private static List<NodeSpec> Children(Random rng, int depth) =>
        depth >= 3 ? [] : Enumerable.Range(0, rng.Next(depth == 0 ? 1 : 0, 4))
            .Select(i => new NodeSpec("n" + i, Children(rng, depth + 1))).ToList();

    private static SupervisorStrategy Strategy(string name) => name switch
    {
        "OneForOne-Restart" => new OneForOneStrategy(_ => Directive.Restart),
        "OneForOne-Resume" => new OneForOneStrategy(_ => Directive.Resume),
        "OneForOne-Stop" => new OneForOneStrategy(_ => Directive.Stop),
        "AllForOne-Restart" => new AllForOneStrategy(_ => Directive.Restart),
        _ => new AllForOneStrategy(_ => Directive.Stop),
    };

    private async Task Verify(TreeModel model, string context)
    {
        await AwaitAssertAsync(async () =>
        {
            foreach (var path in model.Paths)
            {
                var expected = model[path];
                var found = Sys.ActorSelection(path).Resolve();
                if (!expected.Alive)
                {
                    Assert.True(found.Count == 0, context + ": " + path + " should be stopped");
                    continue;
                }

                Assert.True(found.Count == 1, context + ": " + path + " should be alive");
                var state = await found[0].Ask<NodeState>(new GetState(), TimeSpan.FromSeconds(3));
                Assert.True(
                    state == new NodeState(expected.Counter, expected.Incarnation),
                    context + ": " + path + " expected counter=" + expected.Counter + " incarnation=" + expected.Incarnation + " but was " + state);
            }
        }, TimeSpan.FromSeconds(15), TimeSpan.FromMilliseconds(50));
    }
}
