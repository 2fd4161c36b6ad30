namespace Actors.Bench;

public static class Program
{
    public static int Main(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "k8sclient": return K8sClient.K8sClientBench.RunAsync(args[1..]).GetAwaiter().GetResult();
        }
        Console.Error.WriteLine("usage: Actors.Bench <suite> (suites are added per issue)");
        return args.Length == 0 ? 1 : 0;
    }
}
