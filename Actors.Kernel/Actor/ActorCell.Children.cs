using System.Buffers;

namespace Actors.Kernel.Actor;

/// <summary>Children: creation, lookup and stopping. The map is locked because ActorSystem.ActorOf
/// and ActorSelection read or write it from other threads.</summary>
internal sealed partial class ActorCell
{
    private const string Base64Chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+~";
    private static readonly SearchValues<char> ValidNameChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.*$+:@&=,!~';()");

    private Dictionary<string, LocalActorRef>? _children;
    private long _nextChildId;

    private object ChildLock => this;

    public IActorRef ActorOf(Props props, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(props);
        if (name is null)
        {
            name = "$" + Encode(Interlocked.Increment(ref _nextChildId));
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

            _children ??= new Dictionary<string, LocalActorRef>(StringComparer.Ordinal);
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

    private static string Encode(long value)
    {
        Span<char> buf = stackalloc char[12];
        var i = 0;
        do
        {
            buf[i++] = Base64Chars[(int)(value & 63)];
            value >>= 6;
        }
        while (value != 0);
        return new string(buf[..i]);
    }
}
