namespace Actors.Cloud;

/// <summary>cloudcore entry point. Commands are added by the modules' issues; see README.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        Console.Error.WriteLine("cloudcore: no command is implemented yet (see README, module status).");
        return args.Length == 0 ? 1 : 2;
    }
}
