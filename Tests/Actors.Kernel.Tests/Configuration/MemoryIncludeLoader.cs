using Actors.Kernel.Configuration;

namespace Actors.Kernel.Tests.Configuration;

/// <summary>In-memory include loader: names map to texts; relative names resolve against the includer's folder.</summary>
internal sealed class MemoryIncludeLoader(IReadOnlyDictionary<string, string>? files = null) : IHoconIncludeLoader
{
    private readonly IReadOnlyDictionary<string, string> _files = files ?? new Dictionary<string, string>();

    public List<(HoconIncludeKind Kind, string Name)> Requests { get; } = [];

    public HoconIncludeSource? Load(HoconIncludeKind kind, string name, string? includingLocation)
    {
        Requests.Add((kind, name));
        var folder = includingLocation is null ? string.Empty : includingLocation[..(includingLocation.LastIndexOf('/') + 1)];
        var key = name.StartsWith('/') ? name[1..] : folder + name;
        return _files.TryGetValue(key, out var text) ? new HoconIncludeSource(text, key, key) : null;
    }
}
