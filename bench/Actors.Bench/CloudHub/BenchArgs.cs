using System.Globalization;

namespace Actors.Bench.CloudHub;

/// <summary>Options of the cloudhub suite (parent and child modes share them).</summary>
internal sealed record BenchArgs(string? Child, int Port, int Nodes, int Messages, int Window, int HoldSeconds, int Size)
{
    public static BenchArgs Parse(string[] args)
    {
        var a = new BenchArgs(null, 0, 10_000, 200_000, 2_000, 35, 300);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            a = args[i] switch
            {
                "--child" => a with { Child = value },
                "--port" => a with { Port = Int(value) },
                "--nodes" => a with { Nodes = Int(value) },
                "--messages" => a with { Messages = Int(value) },
                "--window" => a with { Window = Int(value) },
                "--hold" => a with { HoldSeconds = Int(value) },
                "--size" => a with { Size = Int(value) },
                _ => throw new ArgumentException("unknown option " + args[i]),
            };
        }

        return a;
    }

    private static int Int(string value) => int.Parse(value, NumberStyles.Integer, CultureInfo.InvariantCulture);
}
