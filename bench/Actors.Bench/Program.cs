namespace Actors.Bench;

public static class Program
{
    public static int Main(string[] args)
    {
        switch (args.Length == 0 ? string.Empty : args[0])
        {
            case "persistence": return Persistence.PersistenceBenchmark.Run(args[1..]);
            case "cri": return Cri.CriBenchmark.Run(args[1..]);
            case "hocon": return Hocon.HoconBench.Run(args[1..]);
            case "kernel": return Kernel.KernelBench.Run(args[1..]);
            case "envelope": return Envelope.EnvelopeBench.Run(args[1..]);
            case "mqtt": return Mqtt.MqttBenchmark.Run(args[1..]);
            case "apiserver": return ApiServer.ApiServerBench.RunAsync(args[1..]).GetAwaiter().GetResult();
            case "k8sclient": return K8sClient.K8sClientBench.RunAsync(args[1..]).GetAwaiter().GetResult();
            case "metastore": return MetaStore.MetaStoreBench.Run(args[1..]);
            case "cloudhub": return CloudHub.CloudHubBench.Run(args[1..]);
            case "devicetwin": return DeviceTwin.DeviceTwinBench.Run(args[1..]);
            case "edgecontroller": return EdgeController.EdgeControllerBench.RunAsync(args[1..]).GetAwaiter().GetResult();
            case "edged": return EdgeD.EdgedBench.Run(args[1..]);
            default:
                Console.Error.WriteLine("usage: Actors.Bench <suite> [options]; suites: persistence, cri, hocon, kernel, envelope, mqtt, apiserver, k8sclient, metastore, cloudhub, devicetwin, edgecontroller, edged");
                return 2;
        }
    }
}
