using Actors.Kernel.Actor;

namespace Actors.Kernel.Configuration.Binding;

/// <summary>What a host executable (edgecore, cloudcore) hands to <see cref="HostRunner"/>.</summary>
public sealed record HostDefinition
{
    /// <summary>Executable and actor-system name; also the name of the root actor <c>/user/&lt;Name&gt;</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The host's reference.conf layered over the kernel's.</summary>
    public required HoconDocument Reference { get; init; }

    /// <summary>Validators run at start-up, by <c>config check</c> and before a reload is accepted.</summary>
    public required IReadOnlyList<IOptionsValidator> Validators { get; init; }

    /// <summary>Key of the host's log level (reloadable), e.g. <c>edgecore.log-level</c>.</summary>
    public required string LogLevelKey { get; init; }

    /// <summary>Key of the host's log format (<c>text</c>|<c>json</c>).</summary>
    public required string LogFormatKey { get; init; }

    /// <summary>Key of the port of the local health/metrics endpoint (<c>/healthz</c>, <c>/readyz</c>, <c>/metrics</c> on 127.0.0.1); null or 0 = off.</summary>
    public string? MetricsPortKey { get; init; }

    /// <summary>Key prefixes applied live on SIGHUP (besides <see cref="LogLevelKey"/>).</summary>
    public IReadOnlyList<string> ReloadablePrefixes { get; init; } = [];

    /// <summary>Names of modules the config enables.</summary>
    public required Func<Config, IReadOnlyList<string>> EnabledModules { get; init; }

    /// <summary>Props of the root actor under which modules are started.</summary>
    public required Func<Config, Props> RootProps { get; init; }

    /// <summary>The config-command context over this host's defaults, validators and the process environment.</summary>
    public ConfigCommandContext CommandContext() => new()
    {
        Reference = Reference,
        Validators = Validators,
        GetEnvironmentVariable = Environment.GetEnvironmentVariable,
        EnvironmentVariables = ProcessVariables,
        ProgramName = Name,
    };

    private static IEnumerable<KeyValuePair<string, string>> ProcessVariables()
    {
        foreach (System.Collections.DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            yield return new KeyValuePair<string, string>((string)entry.Key, entry.Value as string ?? string.Empty);
        }
    }
}
