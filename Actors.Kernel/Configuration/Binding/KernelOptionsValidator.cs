using Actors.Kernel.Persistence.Sqlite;

namespace Actors.Kernel.Configuration.Binding;

/// <summary>
/// Validates the kernel's keys: <c>akka.*</c> actor-system settings and, when a connection string
/// is set, the SQLite journal and snapshot-store sections.
/// </summary>
public sealed class KernelOptionsValidator : IOptionsValidator
{
    public IEnumerable<string> Validate(Config effective)
    {
        ArgumentNullException.ThrowIfNull(effective);
        var errors = ActorSystemSettingsBinder.Bind(effective).Errors.ToList();
        errors.AddRange(Section(effective, SqliteJournalOptions.ConfigPath, g => SqliteJournalOptions.FromConfig(g).Validate()));
        errors.AddRange(Section(effective, SqliteSnapshotStoreOptions.ConfigPath, g => SqliteSnapshotStoreOptions.FromConfig(g).Validate()));
        return errors;
    }

    private static IEnumerable<string> Section(Config config, string path, Func<Func<string, string?>, IReadOnlyList<string>> bind)
    {
        if (string.IsNullOrEmpty(config.GetString(path + ".connection-string")))
        {
            return []; // persistence not configured by this host
        }

        try
        {
            return bind(key => config.HasPath(path + "." + key) ? config.GetString(path + "." + key) : null);
        }
        catch (FormatException e)
        {
            return [path + ": " + e.Message];
        }
        catch (ConfigurationException e)
        {
            return [path + ": " + e.Message];
        }
    }
}
