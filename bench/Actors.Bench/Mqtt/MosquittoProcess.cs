using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Actors.Bench.Mqtt;

/// <summary>A mosquitto started for the benchmark on a free loopback port; killed on dispose.</summary>
internal sealed class MosquittoProcess : IDisposable
{
    private readonly Process _process;
    private readonly string _directory;

    private MosquittoProcess(Process process, string directory, int port, string version)
    {
        _process = process;
        _directory = directory;
        Port = port;
        Version = version;
    }

    public int Port { get; }

    public string Version { get; }

    public static async Task<MosquittoProcess> StartAsync()
    {
        var directory = Directory.CreateTempSubdirectory("mosquitto-bench-").FullName;
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        var config = Path.Combine(directory, "mosquitto.conf");
        await File.WriteAllTextAsync(config, "listener " + port + " 127.0.0.1\nallow_anonymous true\npersistence false\nmax_queued_messages 100000\nmax_inflight_messages 0\n");
        var info = new ProcessStartInfo("mosquitto") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(config);
        var process = Process.Start(info) ?? throw new InvalidOperationException("mosquitto did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!CanConnect(port))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                process.Dispose();
                throw new InvalidOperationException("mosquitto did not listen on " + port);
            }

            await Task.Delay(20);
        }

        return new MosquittoProcess(process, directory, port, await VersionAsync());
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private static async Task<string> VersionAsync()
    {
        var info = new ProcessStartInfo("dpkg-query", "-W -f=${Version} mosquitto") { UseShellExecute = false, RedirectStandardOutput = true };
        try
        {
            using var process = Process.Start(info)!;
            var version = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            return version.Trim();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "(version unknown)";
        }
    }

    private static bool CanConnect(int port)
    {
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
