namespace Actors.Kernel.Configuration;

/// <summary>
/// Successive assignments to one field that cannot be merged before resolution (one of them is
/// a substitution). Oldest first. Resolution takes the newest; if it is an object, it merges
/// with the rest; a self-reference in entry i sees entries 0..i-1.
/// </summary>
internal sealed class HoconMergeStack : HoconValue
{
    private readonly List<HoconValue> _entries;
    private HoconValue?[]? _prefixes;

    public HoconMergeStack(IEnumerable<HoconValue> entries)
        : this(entries.ToList())
    {
    }

    private HoconMergeStack(List<HoconValue> entries)
        : base(entries[^1].Origin) => _entries = entries;

    public IReadOnlyList<HoconValue> Entries => _entries;

    public override HoconValueType Type => HoconValueType.Unresolved;

    internal override bool IsResolved => false;

    /// <summary>Appends a newer assignment.</summary>
    public HoconMergeStack With(HoconValue newer)
    {
        var list = new List<HoconValue>(_entries) { newer };
        return new HoconMergeStack(list);
    }

    /// <summary>The value this field had before entry <paramref name="index"/>, or null if none.</summary>
    public HoconValue? Before(int index)
    {
        if (index == 0)
        {
            return null;
        }

        _prefixes ??= new HoconValue?[_entries.Count];
        return _prefixes[index] ??= index == 1 ? _entries[0] : new HoconMergeStack(_entries.GetRange(0, index));
    }

    public HoconMergeStack Copy() =>
        new(_entries.Select(e => e is HoconObject o ? o.Copy() : e).ToList());
}
