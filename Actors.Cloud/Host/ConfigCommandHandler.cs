using Actors.Kernel.Configuration;

namespace Actors.Cloud.Host;

/// <summary><c>cloudcore config resolve|print|check ...</c> through the shared <see cref="ConfigCommand"/>.</summary>
public static class ConfigCommandHandler
{
    public static int Run(string[] args) =>
        ConfigCommand.Run(args, CloudHost.Create().CommandContext(), Console.Out, Console.Error);
}
