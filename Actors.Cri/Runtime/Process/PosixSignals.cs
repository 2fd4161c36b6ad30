using System.Runtime.InteropServices;

namespace Actors.Cri.Runtime.Process;

/// <summary>Sends POSIX signals to a process or to its process group (libc <c>kill</c>).</summary>
internal static partial class PosixSignals
{
    public const int SigKill = 9;
    public const int SigTerm = 15;

    /// <summary>
    /// Signals the process group led by <paramref name="pid"/> (our containers run as session
    /// leaders, so the group is the container's whole process tree), falling back to the single
    /// process when no such group exists (yet). Returns false when neither exists any more.
    /// </summary>
    public static bool SignalGroupOrProcess(int pid, int signal) =>
        Kill(-pid, signal) == 0 || Kill(pid, signal) == 0;

    /// <summary>Signals the process group led by <paramref name="pid"/> only (safe after the leader exited: a group id is not reused while the group has members).</summary>
    public static bool SignalGroup(int pid, int signal) => Kill(-pid, signal) == 0;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
