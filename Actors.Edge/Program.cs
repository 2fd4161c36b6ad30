using Actors.Edge.Host;
using Actors.Edge.Modules.EventBus.Mqtt.Broker;
using Actors.Kernel.Configuration.Binding;

namespace Actors.Edge;

/// <summary>edgecore entry point: one line per command; the commands live in Host/ and the modules' folders.</summary>
public static class Program
{
    public static int Main(string[] args) => HostCommandLine.Dispatch(EdgeHost.Name, args, new Dictionary<string, Func<string[], int>>
    {
        ["config"] = ConfigCommandHandler.Run,
        ["run"] = RunCommand.Run,
        ["join"] = JoinCommand.Run,
        ["metamanager-crashtest"] = Modules.MetaManager.CrashTest.CrashTestCommand.Run,
        ["broker"] = a => BrokerCommand.RunAsync(a, Console.Error).GetAwaiter().GetResult(),
        ["mapper"] = a => Mapper.MapperCommand.RunAsync(a, Console.Out, Console.Error).GetAwaiter().GetResult(),
    });
}
