namespace Actors.Kernel.Configuration;

/// <summary>What a host hands to <see cref="ConfigCommand"/>: its defaults, validators and environment.</summary>
public sealed class ConfigCommandContext
{
    /// <summary>The host's parsed reference.conf.</summary>
    public required HoconDocument Reference { get; init; }

    /// <summary>Validators registered by the host's modules (used by <c>config check</c>).</summary>
    public IReadOnlyList<IOptionsValidator> Validators { get; init; } = [];

    /// <summary>Environment lookup for <c>${NAME}</c> fallback. Hosts pass Environment.GetEnvironmentVariable.</summary>
    public Func<string, string?> GetEnvironmentVariable { get; init; } = _ => null;

    /// <summary>All environment variables (for the EDGEACTORS_ layer).</summary>
    public Func<IEnumerable<KeyValuePair<string, string>>> EnvironmentVariables { get; init; } = () => [];

    /// <summary>Executable name shown in usage text.</summary>
    public string ProgramName { get; init; } = "edgeactors";

    /// <summary>The layered loader over this context.</summary>
    public ConfigLoader CreateLoader() => new(Reference, GetEnvironmentVariable, EnvironmentVariables);
}
