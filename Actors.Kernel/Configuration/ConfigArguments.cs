namespace Actors.Kernel.Configuration;

/// <summary>
/// Configuration options taken from a command line: <c>--config FILE</c> (or <c>--config=FILE</c>)
/// and any number of <c>-D key=value</c> (or <c>-Dkey=value</c>). Other arguments are kept in
/// <see cref="Remaining"/>.
/// </summary>
public sealed record ConfigArguments(string? ConfigFile, IReadOnlyList<KeyValuePair<string, string>> Overrides, IReadOnlyList<string> Remaining)
{
    /// <summary>No file, no overrides.</summary>
    public static ConfigArguments None { get; } = new(null, [], []);

    /// <summary>Parses the options; throws <see cref="ConfigurationException"/> on a malformed one.</summary>
    public static ConfigArguments Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? file = null;
        var overrides = new List<KeyValuePair<string, string>>();
        var remaining = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--config" || arg == "-D")
            {
                if (i + 1 >= args.Count)
                {
                    throw new ConfigurationException($"command line: {arg} needs a value");
                }

                var value = args[++i];
                if (arg == "--config")
                {
                    file = value;
                }
                else
                {
                    overrides.Add(Override(value));
                }
            }
            else if (arg.StartsWith("--config=", StringComparison.Ordinal))
            {
                file = arg["--config=".Length..];
            }
            else if (arg.StartsWith("-D", StringComparison.Ordinal))
            {
                overrides.Add(Override(arg[2..]));
            }
            else
            {
                remaining.Add(arg);
            }
        }

        return new ConfigArguments(file, overrides, remaining);
    }

    private static KeyValuePair<string, string> Override(string text)
    {
        var eq = text.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0)
        {
            throw new ConfigurationException($"command line: -D expects key=value, got '{text}'");
        }

        var key = text[..eq].Trim();
        try
        {
            HoconPath.Parse(key);
        }
        catch (ConfigurationException e)
        {
            throw new ConfigurationException($"command line: -D {text}: invalid key '{key}' ({e.Problem ?? e.Message})");
        }

        return new KeyValuePair<string, string>(key, text[(eq + 1)..]);
    }
}
