using System.Text;

namespace Actors.Kernel.Actor;

/// <summary>
/// The logical location of an actor, e.g. <c>akka://my-sys/user/parent/child</c>. The
/// <see cref="Uid"/> distinguishes incarnations that reuse a name; it is not part of
/// <see cref="ToString"/> (use <see cref="ToStringWithUid"/>).
/// </summary>
public sealed class ActorPath : IEquatable<ActorPath>
{
    private string? _cached;

    private ActorPath(string address, ActorPath? parent, string name, long uid)
    {
        Address = address;
        Parent = parent;
        Name = name;
        Uid = uid;
    }

    /// <summary>The address part, e.g. <c>akka://my-sys</c>.</summary>
    public string Address { get; }

    /// <summary>The parent path; null for the root.</summary>
    public ActorPath? Parent { get; }

    /// <summary>The last element of the path ("" for the root).</summary>
    public string Name { get; }

    /// <summary>Unique id of this incarnation (0 for "any").</summary>
    public long Uid { get; }

    /// <summary>The root path of this address.</summary>
    public ActorPath Root => Parent is null ? this : Parent.Root;

    /// <summary>Number of elements below the root.</summary>
    public int Depth => Parent is null ? 0 : Parent.Depth + 1;

    /// <summary>The elements below the root, in order.</summary>
    public IReadOnlyList<string> Elements
    {
        get
        {
            var list = new List<string>();
            for (var p = this; p.Parent is not null; p = p.Parent)
            {
                list.Add(p.Name);
            }

            list.Reverse();
            return list;
        }
    }

    /// <summary>Creates the root path for a system name.</summary>
    public static ActorPath CreateRoot(string systemName) => new("akka://" + systemName, null, "", 0);

    /// <summary>Creates a child path.</summary>
    public ActorPath Child(string name, long uid = 0) => new(Address, this, name, uid);

    /// <summary>Appends a child element (uid 0).</summary>
    public static ActorPath operator /(ActorPath parent, string name) => parent.Child(name);

    /// <summary>Same path without uid comparison (Akka compares paths by elements only).</summary>
    public bool Equals(ActorPath? other) =>
        other is not null && (ReferenceEquals(this, other) || ToString() == other.ToString());

    public override bool Equals(object? obj) => obj is ActorPath p && Equals(p);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());

    /// <summary>The full path, e.g. <c>akka://sys/user/a</c>.</summary>
    public override string ToString()
    {
        if (_cached is not null)
        {
            return _cached;
        }

        if (Parent is null)
        {
            return _cached = Address + "/";
        }

        var sb = new StringBuilder(Address);
        Append(sb, this);
        return _cached = sb.ToString();
    }

    /// <summary>The path without the address, e.g. <c>/user/a</c>.</summary>
    public string ToStringWithoutAddress() => Parent is null ? "/" : ToString()[Address.Length..];

    /// <summary>The full path followed by <c>#uid</c>.</summary>
    public string ToStringWithUid() => ToString() + "#" + Uid.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static void Append(StringBuilder sb, ActorPath p)
    {
        if (p.Parent is null)
        {
            return;
        }

        Append(sb, p.Parent);
        sb.Append('/').Append(p.Name);
    }
}
