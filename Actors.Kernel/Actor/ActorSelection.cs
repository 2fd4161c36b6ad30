using Actors.Kernel.Event;

namespace Actors.Kernel.Actor;

/// <summary>
/// Actors selected by a path (absolute like <c>/user/a</c> or <c>akka://sys/user/a</c>, or relative
/// to an anchor like <c>../b</c>), with <c>*</c>/<c>?</c> wildcards on names. Resolved at every send;
/// a send that matches nothing goes to dead letters.
/// </summary>
public sealed class ActorSelection : ICanTell
{
    internal ActorSelection(IActorRef anchor, string path)
    {
        Anchor = anchor;
        PathString = path;
    }

    /// <summary>The actor the (relative) path starts from.</summary>
    public IActorRef Anchor { get; }

    public string PathString { get; }

    public void Tell(object message, IActorRef? sender)
    {
        var targets = Resolve();
        if (targets.Count == 0)
        {
            var system = ((InternalActorRef)Anchor).System;
            system?.DeadLetters.Tell(new DeadLetter(message, sender ?? system.DeadLetters, Anchor), sender);
            return;
        }

        foreach (var t in targets)
        {
            t.Tell(message, sender);
        }
    }

    /// <summary>Resolves to exactly one live actor or fails with <see cref="ActorNotFoundException"/>.</summary>
    public Task<IActorRef> ResolveOne(TimeSpan timeout)
    {
        var targets = Resolve();
        return targets.Count > 0
            ? Task.FromResult(targets[0])
            : Task.FromException<IActorRef>(new ActorNotFoundException("Actor not found for: " + this));
    }

    public override string ToString() => "ActorSelection[Anchor(" + Anchor.Path + "), Path(" + PathString + ")]";

    internal IReadOnlyList<IActorRef> Resolve()
    {
        if (Anchor is not LocalActorRef anchor)
        {
            return [];
        }

        var (start, elements) = Split(anchor);
        var current = new List<ActorCell> { start };
        foreach (var element in elements)
        {
            var next = new List<ActorCell>();
            foreach (var cell in current)
            {
                Step(cell, element, next);
            }

            current = next;
        }

        return current.Where(c => !c.IsTerminated).Select(c => (IActorRef)c.Self).ToList();
    }

    private (ActorCell Start, string[] Elements) Split(LocalActorRef anchor)
    {
        var path = PathString;
        var start = anchor.Cell;
        if (path.StartsWith("akka://", StringComparison.Ordinal))
        {
            var slash = path.IndexOf('/', "akka://".Length);
            path = slash < 0 ? "/" : path[slash..];
            start = anchor.Cell.System.RootCell;
        }
        else if (path.StartsWith('/'))
        {
            start = anchor.Cell.System.RootCell;
        }

        return (start, path.Split('/', StringSplitOptions.RemoveEmptyEntries));
    }

    private static void Step(ActorCell cell, string element, List<ActorCell> next)
    {
        if (element == "..")
        {
            if (cell.InternalParent is LocalActorRef p)
            {
                next.Add(p.Cell);
            }
        }
        else if (element == ".")
        {
            next.Add(cell);
        }
        else if (element.Contains('*', StringComparison.Ordinal) || element.Contains('?', StringComparison.Ordinal))
        {
            foreach (var child in cell.AllChildren())
            {
                if (Glob(element, child.Path.Name))
                {
                    next.Add(child.Cell);
                }
            }
        }
        else if (cell.TryGetChild(element) is { } c)
        {
            next.Add(c.Cell);
        }
    }

    private static bool Glob(string pattern, string name)
    {
        int p = 0, n = 0, star = -1, mark = 0;
        while (n < name.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == name[n]))
            {
                p++;
                n++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = n;
            }
            else if (star >= 0)
            {
                p = star + 1;
                n = ++mark;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}
