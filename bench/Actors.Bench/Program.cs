namespace Actors.Bench;

public static class Program
{
    public static int Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        switch (args.FirstOrDefault())
        {
            case "apiserver": return ApiServer.ApiServerBench.RunAsync(args[1..]).GetAwaiter().GetResult();
        }

        Console.Error.WriteLine("usage: Actors.Bench <suite> (suites are added per issue)");
        return args.Length == 0 ? 1 : 0;
    }
}
