namespace Actors.Kernel.Configuration;

/// <summary>
/// The <c>config</c> sub-command shared by both hosts. Exit codes: 0 success, 1 usage error,
/// 2 invalid configuration (parse, resolve or validation errors, printed on stderr without a
/// stack trace).
/// <list type="bullet">
/// <item><c>config resolve FILE [--env]</c>: parse FILE alone, resolve (environment fallback only
/// with <c>--env</c>), print the tree as JSON.</item>
/// <item><c>config print [--config FILE] [-D k=v ...]</c>: the effective config as HOCON, each
/// value preceded by a comment naming its origin.</item>
/// <item><c>config check FILE</c>: FILE over reference.conf (plus environment), resolved and run
/// through every registered validator; every error is listed.</item>
/// </list>
/// </summary>
public static class ConfigCommand
{
    public const int Ok = 0;
    public const int Usage = 1;
    public const int Invalid = 2;

    /// <summary>Runs the command. <paramref name="args"/> may start with "config" or with the verb.</summary>
    public static int Run(string[] args, ConfigCommandContext ctx, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var rest = args.Length > 0 && args[0] == "config" ? args[1..] : args;
        try
        {
            return rest switch
            {
                ["resolve", var file] => Resolve(file, null, stdout),
                ["resolve", var file, "--env"] => Resolve(file, ctx.GetEnvironmentVariable, stdout),
                ["resolve", "--env", var file] => Resolve(file, ctx.GetEnvironmentVariable, stdout),
                ["print", .. var options] => Print(options, ctx, stdout, stderr),
                ["check", var file] => Check(file, ctx, stdout, stderr),
                _ => UsageError(ctx, stderr),
            };
        }
        catch (ConfigurationException e)
        {
            stderr.WriteLine("error: " + e.Message);
            return Invalid;
        }
    }

    private static int Resolve(string file, Func<string, string?>? environment, TextWriter stdout)
    {
        if (!File.Exists(file))
        {
            throw new ConfigurationException($"{file}: configuration file not found");
        }

        var config = HoconDocument.FromFile(file).Resolve(environment);
        stdout.WriteLine(config.ToJson());
        return Ok;
    }

    private static int Print(string[] options, ConfigCommandContext ctx, TextWriter stdout, TextWriter stderr)
    {
        var parsed = ConfigArguments.Parse(options);
        if (parsed.Remaining.Count > 0)
        {
            stderr.WriteLine($"error: unexpected argument '{parsed.Remaining[0]}' for config print");
            return UsageError(ctx, stderr);
        }

        stdout.Write(ctx.CreateLoader().Load(parsed).ToHocon(withOrigins: true));
        return Ok;
    }

    private static int Check(string file, ConfigCommandContext ctx, TextWriter stdout, TextWriter stderr)
    {
        var config = ctx.CreateLoader().Load(new ConfigArguments(file, [], []));
        var errors = new List<string>();
        foreach (var validator in ctx.Validators)
        {
            try
            {
                errors.AddRange(validator.Validate(config));
            }
            catch (ConfigurationException e)
            {
                errors.Add(e.Message);
            }
        }

        if (errors.Count == 0)
        {
            stdout.WriteLine($"{file}: OK ({ctx.Validators.Count} validators)");
            return Ok;
        }

        stderr.WriteLine($"{file}: {errors.Count} error(s)");
        foreach (var error in errors)
        {
            stderr.WriteLine("  " + error);
        }

        return Invalid;
    }

    private static int UsageError(ConfigCommandContext ctx, TextWriter stderr)
    {
        stderr.WriteLine($"usage: {ctx.ProgramName} config resolve FILE [--env]");
        stderr.WriteLine($"       {ctx.ProgramName} config print [--config FILE] [-D key=value ...]");
        stderr.WriteLine($"       {ctx.ProgramName} config check FILE");
        return Usage;
    }
}
