using System.Globalization;

namespace Actors.Cri.Runtime.Process;

/// <summary>
/// What a previous instance of the process runtime left behind when its host process died without disposing it
/// (SIGKILL, crash): a pid record per started container (<c>pids/&lt;container id&gt;</c>: pid and the process's
/// start time from <c>/proc/&lt;pid&gt;/stat</c>) and sandbox directories. A container of this runtime cannot outlive
/// its parent usefully: its stdout/stderr pipes went to the dead process (no logs, a write can raise SIGPIPE) and
/// nobody can collect its exit code. So a new instance kills those leftover process groups (only when the pid still
/// names the same process, by start time) and removes the old sandboxes; the kubelet layer starts the pods again.
/// </summary>
internal static class ProcessLeftovers
{
    public static string PidDirectory(string root) => Path.Combine(root, "pids");

    /// <summary>Records a started container's pid (best effort: a failure only loses the clean-up after a crash).</summary>
    public static void Record(string root, string containerId, int pid)
    {
        try
        {
            var start = StartTime(pid);
            var path = Path.Combine(PidDirectory(root), containerId);
            File.WriteAllText(path + ".tmp", pid.ToString(CultureInfo.InvariantCulture) + " " + start);
            File.Move(path + ".tmp", path, overwrite: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    public static void Forget(string root, string containerId)
    {
        try
        {
            File.Delete(Path.Combine(PidDirectory(root), containerId));
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Kills the recorded process groups that still run and removes old sandbox directories; returns how many were killed.</summary>
    public static int Reap(string root)
    {
        var killed = 0;
        var pids = PidDirectory(root);
        Directory.CreateDirectory(pids);
        foreach (var file in Directory.EnumerateFiles(pids))
        {
            var parts = SafeRead(file).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid > 1
                && StartTime(pid) is { Length: > 0 } start && start == parts[1])
            {
                PosixSignals.SignalGroupOrProcess(pid, PosixSignals.SigKill);
                killed++;
            }

            File.Delete(file);
        }

        var sandboxes = Path.Combine(root, "sandboxes");
        if (Directory.Exists(sandboxes))
        {
            foreach (var dir in Directory.EnumerateDirectories(sandboxes))
            {
                TryDelete(dir);
            }
        }

        return killed;
    }

    /// <summary>Field 22 of <c>/proc/&lt;pid&gt;/stat</c> (start time in clock ticks since boot); empty when the process is gone.</summary>
    private static string StartTime(int pid)
    {
        var stat = SafeRead($"/proc/{pid}/stat");
        var close = stat.LastIndexOf(')');
        if (close < 0)
        {
            return string.Empty;
        }

        var fields = stat[(close + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields.Length > 19 ? fields[19] : string.Empty;
    }

    private static string SafeRead(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return string.Empty;
        }
        catch (UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }

    private static void TryDelete(string dir)
    {
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
