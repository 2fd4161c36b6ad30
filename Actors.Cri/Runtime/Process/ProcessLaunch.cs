using System.Diagnostics;

namespace Actors.Cri.Runtime.Process;

/// <summary>How the process runtime starts a command: argv, environment and working directory.</summary>
internal static class ProcessLaunch
{
    /// <summary>PATH given to containers that set none (the usual image default).</summary>
    public const string DefaultPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private const string SetsidPath = "/usr/bin/setsid";

    /// <summary>
    /// Start info for <paramref name="argv"/>: the environment is exactly <paramref name="env"/>
    /// (nothing inherited from the host process), stdin is a pipe the caller closes, stdout and
    /// stderr are pipes. With <paramref name="newSession"/>, the command runs through
    /// <c>setsid</c> as a session and process-group leader (same pid), so signals can reach its
    /// whole tree. Throws <see cref="Grpc.CriException"/> when the executable cannot be found.
    /// </summary>
    public static ProcessStartInfo Create(IReadOnlyList<string> argv, IReadOnlyDictionary<string, string> env, string workingDirectory, bool newSession)
    {
        if (argv.Count == 0 || string.IsNullOrEmpty(argv[0]))
        {
            throw new Grpc.CriException(Grpc.GrpcStatusCode.InvalidArgument, "no command given (the process runtime has no image entrypoint to fall back on)");
        }

        var executable = Resolve(argv[0], env.GetValueOrDefault("PATH") ?? DefaultPath, workingDirectory)
            ?? throw new Grpc.CriException(Grpc.GrpcStatusCode.Unknown, $"executable file '{argv[0]}' not found in $PATH");
        if (!Directory.Exists(workingDirectory))
        {
            throw new Grpc.CriException(Grpc.GrpcStatusCode.Unknown, $"working directory '{workingDirectory}' does not exist");
        }

        var useSetsid = newSession && File.Exists(SetsidPath);
        var info = new ProcessStartInfo
        {
            FileName = useSetsid ? SetsidPath : executable,
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (useSetsid)
        {
            info.ArgumentList.Add("--wait");
            info.ArgumentList.Add(executable);
        }

        foreach (var arg in argv.Skip(1))
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment.Clear();
        foreach (var (key, value) in env)
        {
            info.Environment[key] = value;
        }

        return info;
    }

    /// <summary>The environment of a container: PATH defaulted, then the configured variables in order.</summary>
    public static Dictionary<string, string> Environment(IEnumerable<(string Key, string Value)> variables)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal) { ["PATH"] = DefaultPath };
        foreach (var (key, value) in variables)
        {
            env[key] = value;
        }

        return env;
    }

    private static string? Resolve(string command, string searchPath, string workingDirectory)
    {
        if (command.Contains('/', StringComparison.Ordinal))
        {
            var path = Path.GetFullPath(command, workingDirectory);
            return File.Exists(path) ? path : null;
        }

        return searchPath.Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, command))
            .FirstOrDefault(File.Exists);
    }
}
