using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using Actors.Cloud.Kubernetes.Models;

namespace Actors.Cloud.Kubernetes.Client;

/// <summary>
/// An open watch: newline-delimited JSON events read as they arrive. Partial lines are buffered until
/// their newline. A malformed or oversized line, or a stream that ends inside an event, throws
/// <see cref="WatchStreamException"/>. A normal end of stream ends the enumeration.
/// </summary>
public sealed class WatchStream<T> : IAsyncDisposable
    where T : class
{
    private readonly HttpResponseMessage _response;
    private readonly WatchEventDecoder<T> _decoder;
    private readonly int _maxLineBytes;

    public WatchStream(HttpResponseMessage response, ObjectCodec<T> codec, int maxLineBytes = 16 * 1024 * 1024)
    {
        _response = response;
        _decoder = new WatchEventDecoder<T>(codec);
        _maxLineBytes = maxLineBytes;
    }

    public async IAsyncEnumerable<WatchEvent<T>> ReadEventsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var stream = await _response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var reader = PipeReader.Create(stream, new StreamPipeReaderOptions(leaveOpen: true));
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                var buffer = result.Buffer;
                while (TryTakeLine(ref buffer, out var line))
                {
                    if (!IsBlank(line))
                    {
                        yield return _decoder.Decode(line.IsSingleSegment ? line.FirstSpan : line.ToArray());
                    }
                }
                if (buffer.Length > _maxLineBytes)
                {
                    throw new WatchStreamException($"a watch event is longer than {_maxLineBytes} bytes");
                }
                if (result.IsCompleted)
                {
                    if (!IsBlank(buffer))
                    {
                        yield return DecodeTail(buffer);
                    }
                    yield break;
                }
                reader.AdvanceTo(buffer.Start, buffer.End);
            }
        }
        finally
        {
            await reader.CompleteAsync().ConfigureAwait(false);
        }
    }

    public ValueTask DisposeAsync()
    {
        _response.Dispose();
        return ValueTask.CompletedTask;
    }

    private WatchEvent<T> DecodeTail(ReadOnlySequence<byte> tail)
    {
        try
        {
            return _decoder.Decode(tail.ToArray());
        }
        catch (WatchStreamException ex)
        {
            throw new WatchStreamException("the watch stream ended inside an event", ex);
        }
    }

    private static bool TryTakeLine(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> line)
    {
        var newline = buffer.PositionOf((byte)'\n');
        if (newline is null)
        {
            line = default;
            return false;
        }
        line = buffer.Slice(0, newline.Value);
        buffer = buffer.Slice(buffer.GetPosition(1, newline.Value));
        return true;
    }

    private static bool IsBlank(ReadOnlySequence<byte> bytes)
    {
        foreach (var segment in bytes)
        {
            foreach (var b in segment.Span)
            {
                if (b is not ((byte)' ' or (byte)'\r' or (byte)'\t' or (byte)'\n'))
                {
                    return false;
                }
            }
        }
        return true;
    }
}
