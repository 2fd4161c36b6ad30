using System.IO.Pipelines;
using System.Threading.Channels;
using Actors.Edge.Modules.EventBus.Mqtt.Codec;

namespace Actors.Edge.Modules.EventBus.Mqtt.Transport;

/// <summary>
/// One connection's outgoing packet queue and its writer loop. Packets are encoded in batches into a
/// <see cref="PipeWriter"/> and flushed once per batch. Droppable packets (QoS 0 PUBLISH) are refused
/// when the queue already holds <c>droppableLimit</c> packets, so a slow reader never grows it without bound.
/// </summary>
internal sealed class MqttOutbox
{
    private const int FlushThreshold = 64 * 1024;

    private readonly Channel<MqttPacket> _channel =
        Channel.CreateUnbounded<MqttPacket>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = false });

    private readonly int _droppableLimit;
    private readonly Lock _spaceGate = new();
    private TaskCompletionSource? _spaceWaiter;
    private int _count;
    private volatile bool _completed;
    private long _lastWriteTicks;

    public MqttOutbox(int droppableLimit, TimeProvider time)
    {
        _droppableLimit = droppableLimit;
        Time = time;
        _lastWriteTicks = time.GetTimestamp();
    }

    public TimeProvider Time { get; }

    /// <summary>Packets waiting to be written.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Timestamp (of <see cref="Time"/>) of the last flush to the transport.</summary>
    public long LastWriteTimestamp => Interlocked.Read(ref _lastWriteTicks);

    /// <summary>Queues <paramref name="packet"/>; false when it was dropped (queue full or closed).</summary>
    public bool TryEnqueue(MqttPacket packet, bool droppable = false)
    {
        if (droppable && Volatile.Read(ref _count) >= _droppableLimit)
        {
            return false;
        }

        Interlocked.Increment(ref _count);
        if (_channel.Writer.TryWrite(packet))
        {
            return true;
        }

        Interlocked.Decrement(ref _count);
        return false;
    }

    /// <summary>Stops accepting packets; the writer loop ends after writing what is queued.</summary>
    public void Complete()
    {
        _completed = true;
        _channel.Writer.TryComplete();
        SignalSpace();
    }

    /// <summary>Completes once fewer than <paramref name="limit"/> packets wait (or the outbox is completed).</summary>
    public Task WaitForSpaceAsync(int limit, CancellationToken cancellationToken)
    {
        if (Count < limit || _completed)
        {
            return Task.CompletedTask;
        }

        lock (_spaceGate)
        {
            _spaceWaiter ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return Count < limit || _completed ? Task.CompletedTask : _spaceWaiter.Task.WaitAsync(cancellationToken);
        }
    }

    public async Task RunAsync(PipeWriter writer, CancellationToken cancellationToken)
    {
        var reader = _channel.Reader;
        while (await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            while (reader.TryRead(out var packet))
            {
                Interlocked.Decrement(ref _count);
                MqttEncoder.Write(packet, writer);
                if (writer.UnflushedBytes >= FlushThreshold)
                {
                    await FlushAsync(writer, cancellationToken).ConfigureAwait(false);
                }
            }

            await FlushAsync(writer, cancellationToken).ConfigureAwait(false);
        }
    }

    private void SignalSpace()
    {
        TaskCompletionSource? waiter;
        lock (_spaceGate)
        {
            waiter = _spaceWaiter;
            _spaceWaiter = null;
        }

        waiter?.TrySetResult();
    }

    private async ValueTask FlushAsync(PipeWriter writer, CancellationToken cancellationToken)
    {
        var result = await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        Interlocked.Exchange(ref _lastWriteTicks, Time.GetTimestamp());
        if (Volatile.Read(ref _spaceWaiter) is not null)
        {
            SignalSpace();
        }

        if (result.IsCompleted || result.IsCanceled)
        {
            throw new OperationCanceledException("the transport was closed");
        }
    }
}
