using System.Runtime.InteropServices;
using Actors.Kernel.Actor;
using Microsoft.Extensions.Logging;

namespace Actors.Kernel.Configuration.Binding;

/// <summary>
/// The <c>run</c> command of a host: load and validate the layered config (exit 2 with the errors
/// on stderr when bad), build the actor system from the bound settings with console logging,
/// start <c>/user/&lt;host&gt;</c>, run CoordinatedShutdown on SIGTERM/SIGINT/SIGQUIT, reload on
/// SIGHUP, and return 0 once the system has terminated.
/// </summary>
public sealed partial class HostRunner(HostDefinition host)
{
    private readonly HostDefinition _host = host ?? throw new ArgumentNullException(nameof(host));

    public const int Ok = 0;
    public const int InvalidConfig = 2;
    public const int Failed = 1;

    /// <summary>Runs until the actor system terminates.</summary>
    public async Task<int> RunAsync(ConfigArguments arguments, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(stderr);
        var loader = _host.CommandContext().CreateLoader();
        if (!TryLoad(() => loader.Load(arguments), stderr, out var config))
        {
            return InvalidConfig;
        }

        var binder = new ConfigBinder(config);
        var levelSwitch = new LogLevelSwitch(LogLevels.Parse(binder, _host.LogLevelKey, LogLevel.Information));
        var format = binder.OneOf(_host.LogFormatKey, "text", [.. HostLogging.Formats]);
        using var loggerFactory = HostLogging.Create(format, levelSwitch);
        var logger = loggerFactory.CreateLogger(_host.Name);
        var settings = ActorSystemSettingsBinder.Bind(config).Settings with { LoggerFactory = loggerFactory };
        var system = ActorSystem.Create(_host.Name, settings);
        using var signals = CoordinatedShutdownSignals.Register(system);
        system.ActorOf(_host.RootProps(config), _host.Name);

        var reloader = new ConfigReloader(config, () => loader.Load(arguments), _host.Validators, loggerFactory.CreateLogger<ConfigReloader>());
        reloader.RegisterReloadable([_host.LogLevelKey, .. _host.ReloadablePrefixes]);
        using var subscription = reloader.Subscribe(r => ApplyLogLevel(r, levelSwitch, logger));
        using var hangup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, ctx =>
        {
            ctx.Cancel = true;
            LogReloading(logger);
            reloader.Reload();
        });

        LogStarted(logger, _host.Name, "/user/" + _host.Name, levelSwitch.Level, format);
        var enabled = _host.EnabledModules(config);
        LogModules(logger, enabled.Count == 0 ? "(none)" : string.Join(", ", enabled));
        await using var diagnostics = await StartDiagnosticsAsync(system, config, logger).ConfigureAwait(false);
        await system.WhenTerminated.ConfigureAwait(false);
        if (CoordinatedShutdown.Get(system).ShutdownReason is HostFailureReason failure)
        {
            await stderr.WriteLineAsync("error: " + failure.Message).ConfigureAwait(false);
            return Failed;
        }

        LogStopped(logger, _host.Name);
        return Ok;
    }

    /// <summary>Loads and validates; on failure writes every error to <paramref name="stderr"/>.</summary>
    public bool TryLoad(Func<Config> load, TextWriter stderr, out Config config)
    {
        ArgumentNullException.ThrowIfNull(load);
        ArgumentNullException.ThrowIfNull(stderr);
        config = Config.Empty;
        List<string> errors;
        try
        {
            var loaded = load();
            config = loaded;
            errors = [.. _host.Validators.SelectMany(v => v.Validate(loaded))];
        }
        catch (ConfigurationException e)
        {
            errors = [e.Message];
        }

        if (errors.Count == 0)
        {
            return true;
        }

        stderr.WriteLine($"{_host.Name}: invalid configuration, {errors.Count} error(s):");
        foreach (var error in errors)
        {
            stderr.WriteLine("  error: " + error);
        }

        return false;
    }

    private void ApplyLogLevel(ConfigReloadResult result, LogLevelSwitch levelSwitch, ILogger logger)
    {
        if (!result.Reloadable.Contains(_host.LogLevelKey))
        {
            return;
        }

        var binder = new ConfigBinder(result.Config);
        var level = LogLevels.Parse(binder, _host.LogLevelKey, levelSwitch.Level);
        var previous = levelSwitch.Level;
        levelSwitch.Level = level;
        LogLevelApplied(logger, _host.LogLevelKey, previous, level);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Host} started: root actor {Path}, log level {Level}, log format {Format}")]
    private static partial void LogStarted(ILogger logger, string host, string path, LogLevel level, string format);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Modules enabled in the configuration: {Modules}")]
    private static partial void LogModules(ILogger logger, string modules);

    [LoggerMessage(Level = LogLevel.Information, Message = "SIGHUP received: reloading configuration")]
    private static partial void LogReloading(ILogger logger);

    // Warning so that the change is visible whatever the new level is (up to warning).
    [LoggerMessage(Level = LogLevel.Warning, Message = "Applied {Key} live: log level changed from {Previous} to {Level}")]
    private static partial void LogLevelApplied(ILogger logger, string key, LogLevel previous, LogLevel level);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Host} stopped: actor system terminated")]
    private static partial void LogStopped(ILogger logger, string host);
}
