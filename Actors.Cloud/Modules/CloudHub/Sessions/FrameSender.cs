using System.Net.WebSockets;
using System.Threading.Channels;

namespace Actors.Cloud.Modules.CloudHub.Sessions;

/// <summary>
/// The only writer of one node's socket: a bounded queue drained by at most one drain at a time, in batches (whatever
/// is queued, up to <see cref="MaxBatch"/> frames), each batch bounded by the write timeout so a slow or stuck edge
/// only ever blocks its own session. When the sender is idle, the enqueueing thread starts the drain itself, so a
/// frame whose write completes synchronously costs no task hand-off; a write that has to wait continues on the thread
/// pool. One timeout source is re-armed per batch rather than created per frame. A failed or timed-out write calls
/// <c>onFailure</c> once and stops the writer.
/// </summary>
internal sealed class FrameSender : IDisposable
{
    /// <summary>Most frames written under one arming of the write timeout.</summary>
    internal const int MaxBatch = 64;

    private readonly WebSocket _socket;
    private readonly TimeSpan _writeTimeout;
    private readonly Action<string> _onFailure;
    private readonly Channel<byte[]> _queue;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private CancellationTokenSource _timeout;
    private Task _drain = Task.CompletedTask;
    private bool _draining;

    public FrameSender(WebSocket socket, int capacity, TimeSpan writeTimeout, Action<string> onFailure)
    {
        _socket = socket;
        _writeTimeout = writeTimeout;
        _onFailure = onFailure;
        _queue = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
    }

    /// <summary>Queues one text frame (and starts the drain if none runs); false when the queue is full or closed.</summary>
    public bool TryEnqueue(byte[] frame)
    {
        if (!_queue.Writer.TryWrite(frame))
        {
            return false;
        }

        lock (_gate)
        {
            if (_draining)
            {
                return true;
            }

            _draining = true;
        }

        _drain = DrainAsync();
        return true;
    }

    /// <summary>Stops writing, then sends the close frame (bounded by the write timeout); the caller aborts the socket.</summary>
    public async Task CloseOutputAsync(WebSocketCloseStatus status, string reason)
    {
        _queue.Writer.TryComplete();
        await _stop.CancelAsync().ConfigureAwait(false);
        Task drain;
        lock (_gate)
        {
            _draining = true; // no new drain from here on
            drain = _drain;
        }

        await drain.ConfigureAwait(false);
        try
        {
            using var timeout = new CancellationTokenSource(_writeTimeout);
            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await _socket.CloseOutputAsync(status, reason, timeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // the peer is gone or stuck: the caller aborts
        }
    }

    public void Dispose()
    {
        _timeout.Dispose();
        _stop.Dispose();
    }

    private async Task DrainAsync()
    {
        try
        {
            while (true)
            {
                await WriteBatchAsync().ConfigureAwait(false);
                lock (_gate)
                {
                    if (_stop.IsCancellationRequested || !_queue.Reader.TryPeek(out _))
                    {
                        _draining = _stop.IsCancellationRequested;
                        return;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // closing
        }
        catch (OperationCanceledException)
        {
            _onFailure($"write did not finish within {_writeTimeout}");
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or InvalidOperationException)
        {
            _onFailure("write failed: " + e.Message);
        }

        // after a failure _draining stays true: nothing is written to this socket again
    }

    private async Task WriteBatchAsync()
    {
        _timeout.CancelAfter(_writeTimeout);
        for (var n = 0; n < MaxBatch && _queue.Reader.TryRead(out var frame); n++)
        {
            await _socket.SendAsync(frame, WebSocketMessageType.Text, true, _timeout.Token).ConfigureAwait(false);
        }

        if (!_timeout.TryReset())
        {
            // the timer fired just as the batch completed: the writes did finish, so carry on with a fresh source
            _timeout.Dispose();
            _timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        }
    }
}
