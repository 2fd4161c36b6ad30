using System.Collections.Concurrent;
using Actors.Kernel.Actor;

namespace Actors.Kernel.Tests.Randomized;

/// <summary>Shape of a node in a randomly generated actor tree.</summary>
internal sealed record NodeSpec(string Name, IReadOnlyList<NodeSpec> Children);

internal sealed record Inc;

internal sealed record Fail;

internal sealed record GetState;

internal sealed record NodeState(int Counter, int Incarnation);

/// <summary>A tree node: creates its children on construction, counts Inc, throws on Fail.</summary>
internal sealed class TreeNodeActor : ReceiveActor
{
    private int _counter;

    public TreeNodeActor(NodeSpec spec, Func<SupervisorStrategy> strategy, ConcurrentDictionary<string, int> incarnations)
    {
        var incarnation = incarnations.AddOrUpdate(Self.Path.ToStringWithoutAddress(), 1, (_, n) => n + 1);
        Strategy = strategy();
        foreach (var c in spec.Children)
        {
            Context.ActorOf(Props.Create(() => new TreeNodeActor(c, strategy, incarnations)), c.Name);
        }

        Receive<Inc>(_ => _counter++);
        Receive<Fail>(_ => throw new InvalidOperationException("injected failure at " + Self.Path));
        Receive<GetState>(_ => Sender.Tell(new NodeState(_counter, incarnation)));
    }

    private SupervisorStrategy Strategy { get; }

    protected override SupervisorStrategy SupervisorStrategy() => Strategy;
}
