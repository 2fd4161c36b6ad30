using System.Net;
using System.Net.Sockets;

namespace Actors.Edge.Tests.Mqtt.Support;

/// <summary>A real mosquitto started by the test on a free loopback port (no persistence), killed on dispose.</summary>
internal sealed class MosquittoBroker : IDisposable
{
    private readonly ExternalProcess _process;
    private readonly string _directory;

    private MosquittoBroker(ExternalProcess process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    public static async Task<MosquittoBroker> StartAsync()
    {
        var directory = Directory.CreateTempSubdirectory("mosquitto-test-").FullName;
        var port = MqttTestKit.FreePort();
        var config = Path.Combine(directory, "mosquitto.conf");
        await File.WriteAllTextAsync(config, "listener " + port + " 127.0.0.1\nallow_anonymous true\npersistence false\nmax_queued_messages 100000\n");
        var process = ExternalProcess.Start("mosquitto", "-c", config);
        var broker = new MosquittoBroker(process, directory, port);
        try
        {
            await MqttTestKit.WaitUntilAsync(() => CanConnect(port) || process.HasExited, "mosquitto to listen on " + port);
            Assert.False(process.HasExited, "mosquitto exited: " + string.Join('\n', process.Seen));
            return broker;
        }
        catch
        {
            broker.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        _process.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // best effort
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
