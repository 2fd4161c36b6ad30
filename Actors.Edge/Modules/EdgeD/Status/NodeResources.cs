using System.Globalization;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace Actors.Edge.Modules.EdgeD.Status;

/// <summary>A reading of the node's resources from /proc and the filesystem holding EdgeD's data.</summary>
internal sealed record NodeResources(
    int Cpus, long MemoryTotalBytes, long MemoryAvailableBytes, long DiskTotalBytes, long DiskAvailableBytes,
    long PidMax, long PidsInUse, string KernelVersion, string MachineId, string HostName, string InternalIp)
{
    /// <summary>Reads the current values; a file that cannot be read gives 0 or an empty string.</summary>
    public static NodeResources Read(string dataPath)
    {
        var meminfo = ParseMeminfo(ReadText("/proc/meminfo"));
        long diskTotal = 0, diskAvailable = 0;
        try
        {
            var drive = new DriveInfo(Directory.Exists(dataPath) ? dataPath : "/");
            diskTotal = drive.TotalSize;
            diskAvailable = drive.AvailableFreeSpace;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // reported as zero
        }

        return new NodeResources(
            Environment.ProcessorCount,
            meminfo.GetValueOrDefault("MemTotal") * 1024,
            meminfo.GetValueOrDefault("MemAvailable") * 1024,
            diskTotal, diskAvailable,
            long.TryParse(ReadText("/proc/sys/kernel/pid_max").Trim(), CultureInfo.InvariantCulture, out var pidMax) ? pidMax : 0,
            CountPids(),
            ReadText("/proc/sys/kernel/osrelease").Trim(),
            ReadText("/etc/machine-id").Trim(),
            Environment.MachineName,
            InternalAddress());
    }

    /// <summary>Parses /proc/meminfo lines (<c>Key:   123 kB</c>) into kB values.</summary>
    internal static Dictionary<string, long> ParseMeminfo(string text)
    {
        var values = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var parts = line[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length > 0 && long.TryParse(parts[0], CultureInfo.InvariantCulture, out var value))
            {
                values[line[..colon]] = value;
            }
        }

        return values;
    }

    private static string ReadText(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }

    private static long CountPids()
    {
        try
        {
            return Directory.EnumerateDirectories("/proc").Count(d => Path.GetFileName(d).All(char.IsAsciiDigit));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    private static string InternalAddress()
    {
        var address = NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork);
        return address?.ToString() ?? "127.0.0.1";
    }
}
