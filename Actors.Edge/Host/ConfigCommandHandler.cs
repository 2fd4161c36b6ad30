using Actors.Kernel.Configuration;

namespace Actors.Edge.Host;

/// <summary><c>edgecore config resolve|print|check ...</c> through the shared <see cref="ConfigCommand"/>.</summary>
public static class ConfigCommandHandler
{
    public static int Run(string[] args) =>
        ConfigCommand.Run(args, EdgeHost.Create().CommandContext(), Console.Out, Console.Error);
}
