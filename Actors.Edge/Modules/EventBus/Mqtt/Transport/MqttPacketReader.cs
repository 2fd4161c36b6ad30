using System.IO.Pipelines;
using Actors.Edge.Modules.EventBus.Mqtt.Codec;

namespace Actors.Edge.Modules.EventBus.Mqtt.Transport;

/// <summary>Reads packets from a <see cref="PipeReader"/> and hands each to a handler.</summary>
internal static class MqttPacketReader
{
    /// <summary>
    /// Runs until the peer closes (returns), the handler returns false (returns), or a protocol error
    /// (throws <see cref="MqttProtocolException"/>). <paramref name="onActivity"/> runs after every read.
    /// </summary>
    public static async Task RunAsync(
        PipeReader reader,
        Func<int> maxPacketSize,
        Func<MqttPacket, ValueTask<bool>> handler,
        Action? onActivity,
        CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            onActivity?.Invoke();
            try
            {
                while (MqttDecoder.TryDecode(ref buffer, maxPacketSize(), out var packet))
                {
                    if (!await handler(packet!).ConfigureAwait(false))
                    {
                        return;
                    }
                }
            }
            finally
            {
                reader.AdvanceTo(buffer.Start, buffer.End);
            }

            if (result.IsCompleted || result.IsCanceled)
            {
                return;
            }
        }
    }
}
