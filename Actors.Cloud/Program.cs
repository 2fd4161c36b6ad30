using Actors.Cloud.ApiServer;

namespace Actors.Cloud;

/// <summary>cloudcore entry point. Commands are added by the modules' issues; see README.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length > 0 && args[0] == "apiserver")
        {
            return ApiServerCommand.Run(args[1..]);
        }

        Console.Error.WriteLine("cloudcore: unknown command (available: apiserver --data-dir DIR [--listen 127.0.0.1:6443])");
        return args.Length == 0 ? 1 : 2;
    }
}
