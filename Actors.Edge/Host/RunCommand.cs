using Actors.Kernel.Configuration.Binding;

namespace Actors.Edge.Host;

/// <summary><c>edgecore run [--config FILE] [-D k=v ...]</c>.</summary>
public static class RunCommand
{
    public static int Run(string[] args) => HostCommandLine.Run(EdgeHost.Create, args);
}
