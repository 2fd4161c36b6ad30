using Actors.Kernel.Configuration.Binding;

namespace Actors.Cloud.Host;

/// <summary><c>cloudcore run [--config FILE] [-D k=v ...]</c>.</summary>
public static class RunCommand
{
    public static int Run(string[] args) => HostCommandLine.Run(CloudHost.Create, args);
}
