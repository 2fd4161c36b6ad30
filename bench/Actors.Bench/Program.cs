namespace Actors.Bench;

public static class Program
{
    public static int Main(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "hocon": return Hocon.HoconBench.Run(args[1..]);
            default:
                Console.Error.WriteLine("usage: Actors.Bench <suite> (suites are added per issue)");
                return args.Length == 0 ? 1 : 0;
        }
    }
}
