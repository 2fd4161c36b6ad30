using Actors.Edge.Modules.EventBus.Mqtt.Broker;

namespace Actors.Edge;

/// <summary>edgecore entry point. Commands are added by the modules' issues; see README.</summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length > 0 && args[0] == "broker")
        {
            return await BrokerCommand.RunAsync(args[1..], Console.Error).ConfigureAwait(false);
        }

        await Console.Error.WriteLineAsync("edgecore: commands: broker (see README, module status). " + BrokerCommand.Usage).ConfigureAwait(false);
        return args.Length == 0 ? 1 : 2;
    }
}
