using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Actors.Kernel.Configuration;

namespace Actors.Bench.Hocon;

/// <summary>
/// HOCON suite: parse+resolve a generated ~5,000-line config (cold first run, warm median) and
/// read a key after first access; baseline: System.Text.Json parsing the equivalent JSON.
/// Usage: Actors.Bench hocon [--out FILE]
/// </summary>
public static class HoconBench
{
    private const int Lines = 5000;
    private const int WarmRuns = 31;
    private const int Reads = 2_000_000;

    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var output = args.Length == 2 && args[0] == "--out" ? args[1] : null;
        var text = HoconConfigGenerator.Generate(Lines);
        var lineCount = text.Count(c => c == '\n');

        var coldHocon = Time(() => ConfigurationFactory.ParseString(text));
        var config = ConfigurationFactory.ParseString(text);
        var json = config.ToJson(indented: true);
        var coldJson = Time(() => JsonDocument.Parse(json).Dispose());
        var warmHocon = Median(() => ConfigurationFactory.ParseString(text));
        var warmJson = Median(() => JsonDocument.Parse(json).Dispose());

        const string path = "module-100.limits.rate";
        var expected = config.GetInt(path);
        var readString = PerOp(() => config.GetString(path));
        var readInt = PerOp(() => config.GetInt(path));
        var readTimeSpan = PerOp(() => config.GetTimeSpan("module-100.heartbeat"));
        using var doc = JsonDocument.Parse(json);
        var jsonRead = PerOp(() => doc.RootElement.GetProperty("module-100").GetProperty("limits").GetProperty("rate").GetInt32());
        if (doc.RootElement.GetProperty("module-100").GetProperty("limits").GetProperty("rate").GetInt32() != expected)
        {
            Console.Error.WriteLine("JSON and HOCON disagree; benchmark invalid");
            return 1;
        }

        var report = Report(lineCount, Encoding.UTF8.GetByteCount(text), Encoding.UTF8.GetByteCount(json),
            coldHocon, warmHocon, coldJson, warmJson, readString, readInt, readTimeSpan, jsonRead);
        Console.WriteLine(report);
        if (output is not null)
        {
            File.WriteAllText(output, report);
        }

        return 0;
    }

    /// <summary>Wall-clock and process CPU milliseconds of one run.</summary>
    private static (double Wall, double Cpu) Time(Action action)
    {
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        action();
        var wall = sw.Elapsed.TotalMilliseconds;
        process.Refresh();
        return (wall, (process.TotalProcessorTime - cpu).TotalMilliseconds);
    }

    /// <summary>Median wall, minimum wall and median CPU over the warm runs.</summary>
    private static (double Wall, double MinWall, double Cpu) Median(Action action)
    {
        var samples = Enumerable.Range(0, WarmRuns).Select(_ => Time(action)).ToList();
        var walls = samples.Select(s => s.Wall).Order().ToList();
        var cpus = samples.Select(s => s.Cpu).Order().ToList();
        return (walls[walls.Count / 2], walls[0], cpus[cpus.Count / 2]);
    }

    private static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "n/a";
        }
    }

    private static double PerOp<T>(Func<T> read)
    {
        read();
        for (var i = 0; i < 100_000; i++)
        {
            read();
        }

        var sw = Stopwatch.StartNew();
        for (var i = 0; i < Reads; i++)
        {
            read();
        }

        return sw.Elapsed.TotalNanoseconds / Reads;
    }

    private static string Report(int lines, int hoconBytes, int jsonBytes, (double Wall, double Cpu) coldHocon,
        (double Wall, double MinWall, double Cpu) warmHocon, (double Wall, double Cpu) coldJson, (double Wall, double MinWall, double Cpu) warmJson,
        double readString, double readInt, double readTimeSpan, double jsonRead)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine("## HOCON configuration (suite `hocon`)");
        sb.AppendLine();
        sb.AppendLine(inv, $"Input: generated config, {lines} lines / {hoconBytes / 1024} KiB of HOCON (objects, path keys, substitutions,");
        sb.AppendLine(inv, $"`+=`, durations, sizes, comments); baseline: the resolved tree as JSON ({jsonBytes / 1024} KiB) parsed by");
        sb.AppendLine(inv, $"System.Text.Json `JsonDocument.Parse`. Warm figures are the median of {WarmRuns} runs; reads average {Reads:N0} calls.");
        sb.AppendLine(inv, $"Machine: {Environment.ProcessorCount} cores shared with other jobs (1-min load average {LoadAverage()} at the end of the run),");
        sb.AppendLine(inv, $".NET {Environment.Version}, Release build. Wall-clock times are inflated by that contention; the process CPU");
        sb.AppendLine("time of the same runs (all threads, incl. GC and JIT) is given next to them.");
        sb.AppendLine();
        sb.AppendLine("| measurement | HOCON (ours) | System.Text.Json baseline | target |");
        sb.AppendLine("|---|---|---|---|");
        sb.AppendLine(inv, $"| parse + resolve, cold first run: wall / CPU | {coldHocon.Wall:F1} / {coldHocon.Cpu:F1} ms | {coldJson.Wall:F1} / {coldJson.Cpu:F1} ms | — |");
        sb.AppendLine(inv, $"| parse + resolve, warm: median wall / min wall / median CPU | {warmHocon.Wall:F1} / {warmHocon.MinWall:F1} / {warmHocon.Cpu:F1} ms | {warmJson.Wall:F2} / {warmJson.MinWall:F2} / {warmJson.Cpu:F2} ms | ≤ 50 ms |");
        sb.AppendLine(inv, $"| read `GetString` after first access | {readString:F0} ns | {jsonRead:F0} ns (3× GetProperty + GetInt32) | ≤ 1 µs |");
        sb.AppendLine(inv, $"| read `GetInt` after first access | {readInt:F0} ns | | ≤ 1 µs |");
        sb.AppendLine(inv, $"| read `GetTimeSpan` (\"42s\") | {readTimeSpan:F0} ns | | ≤ 1 µs |");
        return sb.ToString();
    }
}
