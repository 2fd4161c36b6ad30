using System.Collections;

namespace Actors.Kernel.Configuration;

/// <summary>A HOCON array.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1710", Justification = "Named after the HOCON value kinds, as in Akka.NET.")]
public sealed class HoconArray : HoconValue, IReadOnlyList<HoconValue>
{
    private readonly HoconValue[] _items;
    private readonly bool _resolved;

    internal HoconArray(ConfigOrigin origin, IEnumerable<HoconValue> items)
        : base(origin)
    {
        _items = items.ToArray();
        _resolved = Array.TrueForAll(_items, i => i.IsResolved);
    }

    public override HoconValueType Type => HoconValueType.Array;

    internal override bool IsResolved => _resolved;

    public int Count => _items.Length;

    public HoconValue this[int index] => _items[index];

    public IEnumerator<HoconValue> GetEnumerator() => ((IEnumerable<HoconValue>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
