namespace Actors.Bench;

public static class Program
{
    public static int Main(string[] args)
    {
        switch (args.Length == 0 ? string.Empty : args[0])
        {
            case "cri": return Cri.CriBenchmark.Run(args[1..]);
            default:
                Console.Error.WriteLine("usage: Actors.Bench <suite> (suites are added per issue)");
                return args.Length == 0 ? 1 : 0;
        }
    }
}
