using System.IO.Pipelines;
using System.Net.Security;
using System.Net.Sockets;
using Actors.Edge.Modules.EventBus.Mqtt.Codec;
using Actors.Edge.Modules.EventBus.Mqtt.Transport;

namespace Actors.Edge.Modules.EventBus.Mqtt.Client;

/// <summary>
/// One network connection of a client: socket (+TLS), writer loop, reader loop and keepalive loop.
/// <see cref="Completion"/> completes (never faults) when the connection is gone.
/// </summary>
internal sealed class MqttClientConnection : IDisposable
{
    private readonly Stream _stream;
    private readonly MqttClientOptions _options;
    private readonly CancellationTokenSource _cts = new();
    private long _pingSentAt;

    private MqttClientConnection(Stream stream, MqttClientOptions options, TimeProvider time)
    {
        _stream = stream;
        _options = options;
        Outbox = new MqttOutbox(int.MaxValue, time);
    }

    public MqttOutbox Outbox { get; }

    public Task Completion { get; private set; } = Task.CompletedTask;

    /// <summary>Why the connection ended (for logs).</summary>
    public string? CloseReason { get; private set; }

    public static async Task<MqttClientConnection> OpenAsync(MqttClientOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ConnectTimeout);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        Stream stream;
        try
        {
            await socket.ConnectAsync(options.Host, options.Port, timeout.Token).ConfigureAwait(false);
            stream = new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        if (options.UseTls)
        {
            var ssl = new SslStream(stream, leaveInnerStreamOpen: false, options.TlsCertificateValidation);
            try
            {
                await ssl.AuthenticateAsClientAsync(
                    new SslClientAuthenticationOptions { TargetHost = options.TlsTargetHost ?? options.Host },
                    timeout.Token).ConfigureAwait(false);
            }
            catch
            {
                await ssl.DisposeAsync().ConfigureAwait(false);
                throw;
            }

            stream = ssl;
        }

        return new MqttClientConnection(stream, options, time);
    }

    /// <summary>Starts the loops; <paramref name="handler"/> sees every received packet, false closes.</summary>
    public void Start(Func<MqttPacket, ValueTask<bool>> handler)
    {
        var writer = PipeWriter.Create(_stream, new StreamPipeWriterOptions(leaveOpen: true));
        var reader = PipeReader.Create(_stream, new StreamPipeReaderOptions(leaveOpen: true));
        var writeTask = Outbox.RunAsync(writer, _cts.Token);
        var readTask = MqttPacketReader.RunAsync(reader, () => _options.MaxPacketSize, handler, null, _cts.Token);
        var keepAliveTask = _options.KeepAlive > TimeSpan.Zero ? KeepAliveAsync() : Task.CompletedTask;
        Completion = RunAsync(readTask, writeTask, keepAliveTask);
    }

    public void OnPingResponse() => Interlocked.Exchange(ref _pingSentAt, 0);

    public void Close(string reason)
    {
        CloseReason ??= reason;
        try
        {
            _cts.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // already closed
        }
    }

    public void Dispose()
    {
        Close("disposed");
        _cts.Dispose();
    }

    private async Task RunAsync(Task readTask, Task writeTask, Task keepAliveTask)
    {
        var first = await Task.WhenAny(readTask, writeTask).ConfigureAwait(false);
        CloseReason ??= first.Exception?.InnerException?.Message ?? (first == readTask ? "the broker closed the connection" : "write loop ended");
        Close(CloseReason);
        Outbox.Complete();
        await _stream.DisposeAsync().ConfigureAwait(false);
        foreach (var task in new[] { readTask, writeTask, keepAliveTask })
        {
            try
            {
                await task.ConfigureAwait(false);
            }
            catch (Exception)
            {
                // the reason is recorded above; the connection is gone either way
            }
        }
    }

    private async Task KeepAliveAsync()
    {
        var time = Outbox.Time;
        var keepAlive = _options.KeepAlive;
        using var timer = new PeriodicTimer(keepAlive / 4, time);
        while (await timer.WaitForNextTickAsync(_cts.Token).ConfigureAwait(false))
        {
            var now = time.GetTimestamp();
            var pingSentAt = Interlocked.Read(ref _pingSentAt);
            if (pingSentAt != 0 && time.GetElapsedTime(pingSentAt, now) >= keepAlive)
            {
                Close("no PINGRESP within the keepalive interval");
                return;
            }

            if (pingSentAt == 0 && time.GetElapsedTime(Outbox.LastWriteTimestamp, now) >= keepAlive / 2)
            {
                Interlocked.Exchange(ref _pingSentAt, now);
                Outbox.TryEnqueue(PingReqPacket.Instance);
            }
        }
    }
}
