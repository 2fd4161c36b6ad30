using Actors.Cloud.ApiServer;
using Actors.Cloud.Host;
using Actors.Kernel.Configuration.Binding;

namespace Actors.Cloud;

/// <summary>cloudcore entry point: one line per command; the commands live in Host/ and the modules' folders.</summary>
public static class Program
{
    public static int Main(string[] args) => HostCommandLine.Dispatch(CloudHost.Name, args, new Dictionary<string, Func<string[], int>>
    {
        ["config"] = ConfigCommandHandler.Run,
        ["run"] = RunCommand.Run,
        ["apiserver"] = ApiServerCommand.Run,
        ["token"] = Modules.CloudHub.Security.TokenCommand.Run,
    });
}
