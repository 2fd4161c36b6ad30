namespace Actors.Integration.Tests.Autonomy;

/// <summary>Finds processes by their exact command line in /proc (the process runtime's containers are host processes).</summary>
internal static class ProcessTable
{
    /// <summary>Live (non-zombie) processes whose argv matches <paramref name="match"/>, with their parent pid.</summary>
    public static IReadOnlyList<(int Pid, int ParentPid)> Find(Func<string[], bool> match)
    {
        var found = new List<(int, int)>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            try
            {
                var argv = File.ReadAllText(Path.Combine(dir, "cmdline")).TrimEnd('\0').Split('\0');
                if (!match(argv))
                {
                    continue;
                }

                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (fields[0] != "Z")
                {
                    found.Add((pid, int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture)));
                }
            }
            catch (IOException)
            {
                // the process ended while we looked
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return found;
    }
}
