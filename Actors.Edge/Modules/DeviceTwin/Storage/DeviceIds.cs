namespace Actors.Edge.Modules.DeviceTwin.Storage;

/// <summary>
/// Device id normalisation. KubeEdge ≥ v1.16 keys devices as <c>&lt;namespace&gt;/&lt;name&gt;</c>; older releases (and
/// mappers using single-level topics) use a bare <c>&lt;name&gt;</c>. Both stores accept either form and normalise a
/// bare name to <c>default/&lt;name&gt;</c> (the namespace KubeEdge gives devices created without one), so
/// <c>thermo-01</c> and <c>default/thermo-01</c> address the same row. Ids are limited to 64 characters (the column size
/// in KubeEdge's model) and may hold at most one <c>/</c> with non-empty parts.
/// </summary>
public static class DeviceIds
{
    /// <summary>The namespace a bare device name is placed in.</summary>
    public const string DefaultNamespace = "default";

    /// <summary>Longest accepted id (after normalisation).</summary>
    public const int MaxLength = 64;

    /// <summary>Returns the canonical <c>&lt;namespace&gt;/&lt;name&gt;</c> form or throws <see cref="ArgumentException"/>.</summary>
    public static string Normalize(string id)
    {
        if (!TryNormalize(id, out var normalized, out var reason))
        {
            throw new ArgumentException(reason, nameof(id));
        }

        return normalized;
    }

    /// <summary>Like <see cref="Normalize"/> but reports an invalid id instead of throwing.</summary>
    public static bool TryNormalize(string? id, out string normalized, out string reason)
    {
        normalized = string.Empty;
        reason = string.Empty;
        if (string.IsNullOrWhiteSpace(id))
        {
            reason = "device id is empty";
            return false;
        }

        var parts = id.Split('/');
        if (parts.Length > 2 || parts.Any(p => p.Length == 0))
        {
            reason = $"device id '{id}' must be <name> or <namespace>/<name>";
            return false;
        }

        var candidate = parts.Length == 1 ? DefaultNamespace + "/" + id : id;
        if (candidate.Length > MaxLength)
        {
            reason = $"device id '{candidate}' is longer than {MaxLength} characters";
            return false;
        }

        normalized = candidate;
        return true;
    }

    /// <summary>The name part of a normalised id.</summary>
    public static string NameOf(string id) => Normalize(id).Split('/')[1];
}
