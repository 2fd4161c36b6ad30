using System.Globalization;

namespace Actors.Integration.Tests.Reliability;

/// <summary>
/// Finds the local processes whose command line contains a marker (a GUID a test puts in its pod's command), as the
/// process runtime runs containers as plain host processes. Only processes carrying the test's own marker are touched.
/// </summary>
internal static class MarkedProcesses
{
    public static IReadOnlyList<int> Find(string marker)
    {
        var found = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                var cmdline = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                if (cmdline.Contains(marker, StringComparison.Ordinal) && !IsZombie(dir))
                {
                    found.Add(pid);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The process ended while we looked.
            }
        }

        return found;
    }

    public static bool IsAlive(int pid) => File.Exists("/proc/" + pid.ToString(CultureInfo.InvariantCulture) + "/cmdline")
        && !IsZombie("/proc/" + pid.ToString(CultureInfo.InvariantCulture));

    /// <summary>SIGKILLs every process carrying <paramref name="marker"/> (test clean-up after an edgecore SIGKILL).</summary>
    public static void KillAll(string marker)
    {
        foreach (var pid in Find(marker))
        {
            try
            {
                using var p = System.Diagnostics.Process.GetProcessById(pid);
                p.Kill();
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // Already gone.
            }
        }
    }

    private static bool IsZombie(string procDir)
    {
        try
        {
            var stat = File.ReadAllText(Path.Combine(procDir, "stat"));
            var afterName = stat[(stat.LastIndexOf(')') + 1)..].TrimStart();
            return afterName.StartsWith('Z');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return true;
        }
    }
}
