using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Actors.Kernel.Configuration;

/// <summary>
/// Live tuning: <see cref="Reload"/> re-reads the layered config (hosts call it on SIGHUP), diffs
/// it against the current one, and splits the changed keys into reloadable ones (under a prefix a
/// module registered) and ones that need a restart. A config that fails to load or validate is
/// rejected and the current one stays. On success the new config becomes <see cref="Current"/>
/// and every subscriber is called with the result; modules re-read only their reloadable keys.
/// </summary>
public sealed partial class ConfigReloader
{
    private readonly Func<Config> _load;
    private readonly IReadOnlyList<IOptionsValidator> _validators;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly List<string> _prefixes = [];
    private readonly List<Action<ConfigReloadResult>> _subscribers = [];
    private Config _current;

    /// <param name="initial">The config in effect now.</param>
    /// <param name="load">Re-reads the layered config (e.g. <c>() => loader.Load(arguments)</c>).</param>
    /// <param name="validators">Validators a new config must pass before it is accepted.</param>
    /// <param name="logger">Logs what changed and what needs a restart.</param>
    public ConfigReloader(Config initial, Func<Config> load, IReadOnlyList<IOptionsValidator>? validators = null, ILogger? logger = null)
    {
        _current = initial ?? throw new ArgumentNullException(nameof(initial));
        _load = load ?? throw new ArgumentNullException(nameof(load));
        _validators = validators ?? [];
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>The config in effect.</summary>
    public Config Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    /// <summary>Marks keys under these path prefixes (e.g. "edgecore.log-level") as applicable without restart.</summary>
    public void RegisterReloadable(params string[] prefixes)
    {
        ArgumentNullException.ThrowIfNull(prefixes);
        lock (_gate)
        {
            foreach (var prefix in prefixes)
            {
                _prefixes.Add(HoconPath.Render(HoconPath.Parse(prefix)));
            }
        }
    }

    /// <summary>Calls <paramref name="subscriber"/> after each accepted reload. Dispose to unsubscribe.</summary>
    public IDisposable Subscribe(Action<ConfigReloadResult> subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        lock (_gate)
        {
            _subscribers.Add(subscriber);
        }

        return new Subscription(this, subscriber);
    }

    /// <summary>Re-reads, diffs, validates, swaps and notifies. Never throws for a bad config.</summary>
    public ConfigReloadResult Reload()
    {
        ConfigReloadResult result;
        List<Action<ConfigReloadResult>> subscribers;
        lock (_gate)
        {
            Config next;
            try
            {
                next = _load();
                var errors = _validators.SelectMany(v => v.Validate(next)).ToList();
                if (errors.Count > 0)
                {
                    throw new ConfigurationException(string.Join("; ", errors));
                }
            }
            catch (ConfigurationException e)
            {
                LogRejected(_logger, e.Message);
                return new ConfigReloadResult(_current, [], [], [], e.Message);
            }

            var changed = ConfigDiff.ChangedKeys(_current, next);
            var reloadable = changed.Where(IsReloadable).ToList();
            var restart = changed.Where(k => !IsReloadable(k)).ToList();
            _current = next;
            result = new ConfigReloadResult(next, changed, reloadable, restart, null);
            subscribers = [.. _subscribers];
        }

        LogReloaded(_logger, result.ChangedKeys.Count, string.Join(", ", result.Reloadable));
        if (result.RequiresRestart.Count > 0)
        {
            LogNeedsRestart(_logger, string.Join(", ", result.RequiresRestart));
        }

        foreach (var subscriber in subscribers)
        {
            try
            {
                subscriber(result);
            }
#pragma warning disable CA1031 // a failing subscriber must not stop the others or the host
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogSubscriberFailed(_logger, e);
            }
        }

        return result;
    }

    private bool IsReloadable(string key) =>
        _prefixes.Exists(p => key == p || key.StartsWith(p + ".", StringComparison.Ordinal));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Configuration reload rejected, keeping the current configuration: {Error}")]
    private static partial void LogRejected(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Configuration reloaded: {Count} key(s) changed; applied live: {Keys}")]
    private static partial void LogReloaded(ILogger logger, int count, string keys);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Changed configuration keys that need a restart to take effect: {Keys}")]
    private static partial void LogNeedsRestart(ILogger logger, string keys);

    [LoggerMessage(Level = LogLevel.Error, Message = "A configuration reload subscriber failed")]
    private static partial void LogSubscriberFailed(ILogger logger, Exception exception);

    private sealed class Subscription(ConfigReloader owner, Action<ConfigReloadResult> subscriber) : IDisposable
    {
        public void Dispose()
        {
            lock (owner._gate)
            {
                owner._subscribers.Remove(subscriber);
            }
        }
    }
}
