namespace Actors.Bench;

public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "envelope")
        {
            return Envelope.EnvelopeBench.Run(args[1..]);
        }

        Console.Error.WriteLine("usage: Actors.Bench <suite> (suites are added per issue)");
        return args.Length == 0 ? 1 : 0;
    }
}
