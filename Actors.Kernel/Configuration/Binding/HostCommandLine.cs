using System.Reflection;

namespace Actors.Kernel.Configuration.Binding;

/// <summary>
/// Command-line front of a host: <c>--version</c>, <c>--help</c>, a table of commands, and
/// <c>run</c> as the default when the first argument is <c>--config</c> or <c>-D</c>.
/// Errors are printed as messages, never as stack traces.
/// </summary>
public static class HostCommandLine
{
    public const int Usage = 1;

    /// <summary>Dispatches <paramref name="args"/> to the command named by its first element.</summary>
    public static int Dispatch(string name, string[] args, IReadOnlyDictionary<string, Func<string[], int>> commands)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(commands);
        switch (args)
        {
            case ["--version"]:
                Console.Out.WriteLine(name + " " + Version());
                return 0;
            case ["--help" or "-h" or "help"]:
                Console.Out.Write(Help(name, commands.Keys));
                return 0;
            case [var first, ..] when first.StartsWith("-D", StringComparison.Ordinal) || first.StartsWith("--config", StringComparison.Ordinal)
                                        || first.StartsWith("--data-dir", StringComparison.Ordinal):
                return commands.TryGetValue("run", out var run) ? run(args) : UsageError(name, commands.Keys, "no run command");
            case [var command, .. var rest] when commands.TryGetValue(command, out var handler):
                return handler(rest);
            case [var unknown, ..]:
                return UsageError(name, commands.Keys, "unknown command '" + unknown + "'");
            default:
                return UsageError(name, commands.Keys, "no command given");
        }
    }

    /// <summary>The <c>run</c> command: parses <c>--config</c>/<c>-D</c> and runs the host until it terminates.</summary>
    public static int Run(Func<HostDefinition> host, string[] args)
    {
        ArgumentNullException.ThrowIfNull(host);
        try
        {
            var definition = host();
            var arguments = ConfigArguments.Parse(ExpandDataDir(definition.Name, args));
            if (arguments.Remaining.Count > 0)
            {
                Console.Error.WriteLine("error: unexpected argument '" + arguments.Remaining[0] + "' for run");
                return Usage;
            }

            return new HostRunner(definition).RunAsync(arguments, Console.Error).GetAwaiter().GetResult();
        }
        catch (ConfigurationException e)
        {
            Console.Error.WriteLine("error: " + e.Message);
            return HostRunner.InvalidConfig;
        }
#pragma warning disable CA1031 // last line of defence: report the message, not a stack trace
        catch (Exception e)
#pragma warning restore CA1031
        {
            Console.Error.WriteLine("error: " + e.GetType().Name + ": " + e.Message);
            return Usage;
        }
    }

    /// <summary>
    /// <c>--data-dir DIR</c> (or <c>--data-dir=DIR</c>) is shorthand for <c>-D &lt;host&gt;.data-dir=DIR</c>,
    /// the directory under which the host keeps all its state.
    /// </summary>
    public static string[] ExpandDataDir(string name, IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var expanded = new List<string>(args.Count);
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--data-dir" && i + 1 < args.Count)
            {
                expanded.Add("-D" + name + ".data-dir=" + args[++i]);
            }
            else if (args[i].StartsWith("--data-dir=", StringComparison.Ordinal))
            {
                expanded.Add("-D" + name + ".data-dir=" + args[i]["--data-dir=".Length..]);
            }
            else
            {
                expanded.Add(args[i]);
            }
        }

        return [.. expanded];
    }

    private static string Version() =>
        Assembly.GetEntryAssembly()?.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? Assembly.GetEntryAssembly()?.GetName().Version?.ToString() ?? "unknown";

    private static string Help(string name, IEnumerable<string> commands) =>
        $"""
        usage: {name} run [--data-dir DIR] [--config FILE] [-D key=value ...]   run the host (default when only options are given)
               {name} config resolve FILE [--env]               parse and resolve FILE alone, print JSON
               {name} config print [--config FILE] [-D k=v ...] effective config with the origin of each value
               {name} config check FILE                         validate FILE over the defaults, list every error
               {name} --version | --help
        commands: {string.Join(", ", commands.Order(StringComparer.Ordinal))}
        environment: EDGEACTORS_A__B_C=value sets a.b-c (see docs/configuration.md)
        signals: SIGTERM/SIGINT stop cleanly; SIGHUP reloads the reloadable keys

        """;

    private static int UsageError(string name, IEnumerable<string> commands, string problem)
    {
        Console.Error.WriteLine("error: " + problem);
        Console.Error.Write(Help(name, commands));
        return Usage;
    }
}
