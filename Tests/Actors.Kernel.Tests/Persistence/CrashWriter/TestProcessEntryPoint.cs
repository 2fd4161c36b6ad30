namespace Actors.Kernel.Tests.Persistence.CrashWriter;

/// <summary>
/// Entry point of the test assembly (the project sets <c>GenerateProgramFile=false</c>), so tests
/// can start this assembly as a child process with <c>dotnet exec Actors.Kernel.Tests.dll MODE ...</c>.
/// Without a known mode it does nothing, like the generated entry point it replaces.
/// </summary>
public static class TestProcessEntryPoint
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == CrashWriterProcess.Mode)
        {
            return await CrashWriterProcess.RunAsync(args[1..]);
        }

        return 0;
    }
}
