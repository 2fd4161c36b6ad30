using System.Globalization;

namespace Actors.Edge.Tests.Mqtt.Support;

/// <summary>A broker run as a child process on a fixed port that the test can SIGKILL and start again.</summary>
internal sealed class RestartableBroker : IDisposable
{
    private readonly Func<int, ExternalProcess> _launch;
    private readonly Func<ExternalProcess, int, Task> _ready;
    private readonly string _directory;
    private ExternalProcess? _process;

    private RestartableBroker(string name, Func<int, ExternalProcess> launch, Func<ExternalProcess, int, Task> ready, string directory)
    {
        Name = name;
        _launch = launch;
        _ready = ready;
        _directory = directory;
        Port = MqttTestKit.FreePort();
    }

    public int Port { get; }

    public string Name { get; }

    /// <summary>
    /// Our broker: <c>dotnet edgecore.dll broker --listen 127.0.0.1:PORT --data-dir DIR</c> (sessions, undelivered
    /// messages and retained messages in DIR/mqtt-broker.db, committed before a PUBLISH is acknowledged).
    /// </summary>
    public static RestartableBroker Edgecore()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "edgecore.dll");
        var directory = Directory.CreateTempSubdirectory("edgecore-broker-").FullName;
        return new RestartableBroker(
            "edgecore broker",
            port => ExternalProcess.Start("dotnet", dll, "broker", "--listen", "127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture), "--data-dir", directory),
            (p, _) => p.WaitForLineAsync(l => l.Contains("listening on", StringComparison.Ordinal), "edgecore broker to listen", TimeSpan.FromSeconds(30)),
            directory);
    }

    /// <summary>mosquitto with <c>persistence true</c>, saving after every change so sessions and queues survive SIGKILL.</summary>
    public static RestartableBroker Mosquitto()
    {
        var directory = Directory.CreateTempSubdirectory("mosquitto-restart-").FullName;
        var config = Path.Combine(directory, "mosquitto.conf");
        return new RestartableBroker(
            "mosquitto",
            port =>
            {
                File.WriteAllText(config, "listener " + port.ToString(CultureInfo.InvariantCulture) + " 127.0.0.1\nallow_anonymous true\n"
                    + "persistence true\npersistence_location " + directory + "/\nautosave_interval 1\nautosave_on_changes true\n"
                    + "max_queued_messages 100000\nmax_inflight_messages 100\n");
                return ExternalProcess.Start("mosquitto", "-c", config, "-v");
            },
            (p, port) => MqttTestKit.WaitUntilAsync(() => CanConnect(p, port), "mosquitto to listen", TimeSpan.FromSeconds(20)),
            directory);
    }

    public async Task StartAsync()
    {
        _process?.Dispose();
        _process = _launch(Port);
        await _ready(_process, Port);
    }

    /// <summary>SIGSTOP: the broker stops reading and acknowledging, its sockets stay open.</summary>
    public async Task FreezeAsync()
    {
        Assert.NotNull(_process);
        using var stop = ExternalProcess.Start("kill", "-STOP", _process.Id.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(0, await stop.WaitForExitAsync());
    }

    /// <summary>SIGKILL, and wait until the process is gone.</summary>
    public void Kill() => _process?.Kill();

    public void Dispose()
    {
        _process?.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // best effort
        }
    }

    private static bool CanConnect(ExternalProcess process, int port)
    {
        Assert.False(process.HasExited, "the broker exited: " + string.Join('\n', process.Seen));
        using var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        try
        {
            socket.Connect(System.Net.IPAddress.Loopback, port);
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }
}
