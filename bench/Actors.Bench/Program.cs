namespace Actors.Bench;

public static class Program
{
    public static int Main(string[] args)
    {
        Console.Error.WriteLine("usage: Actors.Bench <suite> (suites are added per issue)");
        return args.Length == 0 ? 1 : 0;
    }
}
