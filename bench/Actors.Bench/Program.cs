namespace Actors.Bench;

public static class Program
{
    public static int Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        switch (args.Length > 0 ? args[0] : string.Empty)
        {
            case "mqtt": return Mqtt.MqttBenchmark.Run(args[1..]);
            default:
                Console.Error.WriteLine("usage: Actors.Bench <suite> (suites are added per issue)");
                return args.Length == 0 ? 1 : 0;
        }
    }
}
