namespace Actors.Kernel.Configuration.Binding;

/// <summary>
/// Reports keys under a host's root (e.g. <c>edgecore</c>) that its reference.conf does not define,
/// such as a misspelt <c>edgecore.modules.edgehub.hearbeat</c>, which would otherwise be ignored silently.
/// </summary>
public sealed class UnknownKeyValidator : IOptionsValidator
{
    private readonly string _root;
    private readonly HashSet<string> _known;

    /// <param name="reference">The host's defaults (resolved here without environment).</param>
    /// <param name="root">Top-level key whose subtree is checked.</param>
    public UnknownKeyValidator(HoconDocument reference, string root)
    {
        ArgumentNullException.ThrowIfNull(reference);
        _root = root ?? throw new ArgumentNullException(nameof(root));
        _known = [.. reference.Resolve(_ => null).AsEnumerable().Select(kv => kv.Key)];
    }

    public IEnumerable<string> Validate(Config effective)
    {
        ArgumentNullException.ThrowIfNull(effective);
        return effective.AsEnumerable()
            .Select(kv => kv.Key)
            .Where(k => k.StartsWith(_root + ".", StringComparison.Ordinal) && !_known.Contains(k))
            .Select(k => k + ": unknown key (not defined in " + _root + "'s reference.conf; misspelt?)")
            .ToList();
    }
}
