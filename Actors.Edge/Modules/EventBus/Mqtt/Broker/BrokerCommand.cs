using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;

namespace Actors.Edge.Modules.EventBus.Mqtt.Broker;

/// <summary>
/// <c>edgecore broker --listen HOST:PORT [--data-dir DIR] [--max-connections N] [--max-packet-size BYTES] [--username U --password P]</c>:
/// runs the embedded broker until SIGINT/SIGTERM; with <c>--data-dir</c> its sessions, undelivered messages and retained
/// messages survive a crash (DIR/mqtt-broker.db). Exit code 2 on bad arguments.
/// </summary>
public static class BrokerCommand
{
    public const string Usage = "usage: edgecore broker --listen HOST:PORT [--data-dir DIR] [--max-connections N] [--max-packet-size BYTES] [--username U --password P]";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        MqttBrokerOptions options;
        try
        {
            options = Parse(args).Validate();
        }
        catch (ArgumentException ex)
        {
            await error.WriteLineAsync("edgecore broker: " + ex.Message).ConfigureAwait(false);
            await error.WriteLineAsync(Usage).ConfigureAwait(false);
            return 2;
        }

        using var loggerFactory = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Information));
        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.TrySetResult(); });
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.TrySetResult(); });
        await using var broker = new MqttBroker(options, loggerFactory);
        try
        {
            await broker.StartAsync().ConfigureAwait(false);
        }
        catch (System.Net.Sockets.SocketException ex)
        {
            await error.WriteLineAsync("edgecore broker: cannot listen on " + options.Listen + ": " + ex.Message).ConfigureAwait(false);
            return 1;
        }

        await stop.Task.ConfigureAwait(false);
        await broker.StopAsync().ConfigureAwait(false);
        return 0;
    }

    /// <summary>Parses the arguments after <c>broker</c>; throws <see cref="ArgumentException"/> with a clear message.</summary>
    public static MqttBrokerOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new MqttBrokerOptions();
        var sawListen = false;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            var value = i + 1 < args.Count ? args[++i] : throw new ArgumentException("missing value after " + name);
            options = name switch
            {
                "--listen" => options with { Listen = ParseEndPoint(value) },
                "--max-connections" => options with { MaxConnections = ParseInt(name, value) },
                "--max-packet-size" => options with { MaxPacketSize = ParseInt(name, value) },
                "--username" => options with { Username = value },
                "--password" => options with { Password = value },
                "--data-dir" => options with { StorePath = System.IO.Path.Combine(value, "mqtt-broker.db") },
                _ => throw new ArgumentException("unknown option " + name),
            };
            sawListen |= name == "--listen";
        }

        return sawListen ? options : throw new ArgumentException("--listen HOST:PORT is required");
    }

    private static int ParseInt(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : throw new ArgumentException(name + " expects a positive integer, got '" + value + "'");

    private static IPEndPoint ParseEndPoint(string value)
    {
        var colon = value.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(value.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
        {
            throw new ArgumentException("--listen expects HOST:PORT, got '" + value + "'");
        }

        var host = value[..colon].Trim('[', ']');
        if (host == "localhost")
        {
            return new IPEndPoint(IPAddress.Loopback, port);
        }

        return IPAddress.TryParse(host, out var address)
            ? new IPEndPoint(address, port)
            : throw new ArgumentException("--listen host must be an IP address or localhost, got '" + host + "'");
    }
}
