using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Actors.Kernel.Configuration;

/// <summary>A HOCON object: fields in definition order.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1710", Justification = "Named after the HOCON value kinds, as in Akka.NET.")]
public sealed class HoconObject : HoconValue, IReadOnlyDictionary<string, HoconValue>
{
    private readonly Dictionary<string, HoconValue> _fields = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    internal HoconObject(ConfigOrigin origin)
        : base(origin)
    {
    }

    public override HoconValueType Type => HoconValueType.Object;

    internal override bool IsResolved
    {
        get
        {
            foreach (var value in _fields.Values)
            {
                if (!value.IsResolved)
                {
                    return false;
                }
            }

            return true;
        }
    }

    public int Count => _order.Count;

    public IEnumerable<string> Keys => _order;

    public IEnumerable<HoconValue> Values => _order.Select(k => _fields[k]);

    public HoconValue this[string key] => _fields[key];

    public bool ContainsKey(string key) => _fields.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out HoconValue value) =>
        _fields.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<string, HoconValue>> GetEnumerator() =>
        _order.Select(k => new KeyValuePair<string, HoconValue>(k, _fields[k])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal void Set(string key, HoconValue value)
    {
        if (!_fields.ContainsKey(key))
        {
            _order.Add(key);
        }

        _fields[key] = value;
    }

    internal void Remove(string key)
    {
        if (_fields.Remove(key))
        {
            _order.Remove(key);
        }
    }

    /// <summary>Deep copy of the mutable structure (leaf values are shared; they are immutable).</summary>
    internal HoconObject Copy()
    {
        var copy = new HoconObject(Origin);
        foreach (var key in _order)
        {
            var value = _fields[key];
            copy.Set(key, value is HoconObject o ? o.Copy() : value is HoconMergeStack s ? s.Copy() : value);
        }

        return copy;
    }
}
