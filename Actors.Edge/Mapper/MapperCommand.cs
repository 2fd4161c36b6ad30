using System.Runtime.InteropServices;
using Actors.Edge.Modules.EventBus.Mqtt.Client;

namespace Actors.Edge.Mapper;

/// <summary>
/// <c>edgecore mapper --device NS/NAME [--broker HOST:PORT] [--report PROPERTY]... [--interval SECONDS]</c>: a simulated
/// device on the edge's MQTT broker (see <see cref="VirtualDevice"/>), for trying the device path without hardware.
/// Runs until SIGINT/SIGTERM. Exit code 2 on bad arguments, 1 when the broker cannot be reached.
/// </summary>
public static class MapperCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        MapperArguments parsed;
        try
        {
            parsed = MapperArguments.Parse(args);
        }
        catch (ArgumentException ex)
        {
            await error.WriteLineAsync("edgecore mapper: " + ex.Message).ConfigureAwait(false);
            await error.WriteLineAsync(MapperArguments.Usage).ConfigureAwait(false);
            return 2;
        }

        using var stop = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
        try
        {
            await new VirtualDevice(parsed, output).RunAsync(stop.Token).ConfigureAwait(false);
            return 0;
        }
        catch (Exception ex) when (ex is MqttClientException or System.Net.Sockets.SocketException or TimeoutException)
        {
            await error.WriteLineAsync("edgecore mapper: cannot reach the broker at " + parsed.Host + ":" + parsed.Port + ": " + ex.Message).ConfigureAwait(false);
            return 1;
        }
    }
}
