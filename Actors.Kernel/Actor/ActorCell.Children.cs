using System.Buffers;

namespace Actors.Kernel.Actor;

/// <summary>Children: creation, lookup and stopping. The map is locked because ActorSystem.ActorOf
/// and ActorSelection read or write it from other threads.</summary>
internal sealed partial class ActorCell
{
    private const string Base64Chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+~";
    private static readonly SearchValues<char> ValidNameChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.*$+:@&=,!~';()");

    // Allocated with the first child, so leaf actors pay one null field for children.
    private ChildMap? _children;

    private object ChildLock => this;

    public IActorRef ActorOf(Props props, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(props);
        if (name is null)
        {
            name = GeneratedName(Interlocked.Increment(ref EnsureChildMap().NextId));
        }
        else
        {
            ValidateName(name);
        }

        var child = new ActorCell(System, props, Path.Child(name, System.NextUid()), Self);
        lock (ChildLock)
        {
            if (IsTerminating)
            {
                throw new InvalidActorNameException("Cannot create actor '" + name + "': parent " + Path + " is terminating");
            }

            _children ??= new ChildMap();
            if (!_children.TryAdd(name, child.Self))
            {
                throw new InvalidActorNameException("Actor name \"" + name + "\" is not unique!");
            }
        }

        child.Start();
        return child.Self;
    }

    public IActorRef Child(string name) => TryGetChild(name) ?? ActorRefs.Nobody;

    internal LocalActorRef? TryGetChild(string name)
    {
        lock (ChildLock)
        {
            return _children is not null && _children.TryGetValue(name, out var c) ? c : null;
        }
    }

    public IEnumerable<IActorRef> GetChildren()
    {
        lock (ChildLock)
        {
            return _children is null ? [] : _children.Values.Where(c => !c.Cell.StopRequestedByParent).ToArray();
        }
    }

    internal LocalActorRef[] AllChildren()
    {
        lock (ChildLock)
        {
            return _children is null ? [] : [.. _children.Values];
        }
    }

    internal List<ActorCell> LiveChildCells()
    {
        var list = new List<ActorCell>();
        foreach (var c in AllChildren())
        {
            if (!c.Cell.StopRequestedByParent)
            {
                list.Add(c.Cell);
            }
        }

        return list;
    }

    private bool HasChildren
    {
        get
        {
            lock (ChildLock)
            {
                return _children is { Count: > 0 };
            }
        }
    }

    private bool HasStoppingChildren => AllChildren().Any(c => c.Cell.StopRequestedByParent);

    private bool IsChild(LocalActorRef child)
    {
        lock (ChildLock)
        {
            return _children is not null && _children.TryGetValue(child.Path.Name, out var c) && ReferenceEquals(c, child);
        }
    }

    private bool RemoveChild(LocalActorRef child)
    {
        lock (ChildLock)
        {
            return _children is not null && _children.TryGetValue(child.Path.Name, out var c)
                && ReferenceEquals(c, child) && _children.Remove(child.Path.Name);
        }
    }

    internal static void StopChild(LocalActorRef child)
    {
        child.Cell.StopRequestedByParent = true;
        child.SendSystemMessage(new Dispatch.Terminate());
    }

    public void Stop(IActorRef child)
    {
        if (child is LocalActorRef local && IsChild(local))
        {
            StopChild(local);
        }
        else if (child is InternalActorRef r)
        {
            r.SendSystemMessage(new Dispatch.Terminate());
        }
    }

    internal static void ValidateName(string name)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw new InvalidActorNameException("Actor name must not be empty.");
        }

        if (name[0] == '$')
        {
            throw new InvalidActorNameException("Illegal actor name [" + name + "]: must not start with '$'.");
        }

        if (name.AsSpan().IndexOfAnyExcept(ValidNameChars) >= 0)
        {
            throw new InvalidActorNameException(
                "Illegal actor name [" + name + "]: only ASCII letters, digits and -_.*$+:@&=,!~';() are allowed.");
        }
    }

    private ChildMap EnsureChildMap()
    {
        var map = Volatile.Read(ref _children);
        if (map is null)
        {
            lock (ChildLock)
            {
                map = _children ??= new ChildMap();
            }
        }

        return map;
    }

    /// <summary>"$" followed by the id in base 64, least significant digit first (one allocation).</summary>
    private static string GeneratedName(long value)
    {
        var digits = 1;
        for (var v = value >> 6; v != 0; v >>= 6)
        {
            digits++;
        }

        return string.Create(digits + 1, value, static (span, v) =>
        {
            span[0] = '$';
            for (var i = 1; i < span.Length; i++)
            {
                span[i] = Base64Chars[(int)(v & 63)];
                v >>= 6;
            }
        });
    }

    /// <summary>The children by name, plus the counter for generated names.</summary>
    private sealed class ChildMap() : Dictionary<string, LocalActorRef>(StringComparer.Ordinal)
    {
        public long NextId;
    }
}
