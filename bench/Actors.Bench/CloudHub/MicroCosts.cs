using System.Diagnostics;
using System.Globalization;
using Actors.Cloud.Modules.CloudHub.Sessions;
using Actors.Messages.CloudHub;
using Actors.Messages.Routing;
using Actors.Messages.Wire;

namespace Actors.Bench.CloudHub;

/// <summary>
/// Single-threaded cost of each per-message step of the downstream path, in microseconds per message, so the
/// end-to-end CPU per message can be read against its parts. Run before the socket phases, same process.
/// </summary>
internal static class MicroCosts
{
    public static void Run(int size, int count)
    {
        var load = new DownstreamLoad(size);
        var envelopes = Enumerable.Range(0, count).Select(i => load.Envelope("edge-" + (i % 1000), "m-" + i)).ToArray();
        var frames = new byte[count][];
        var acks = new byte[count][];
        Report("pump: build one pod envelope (bench side)", count, i => load.Envelope("edge-1", "m-" + i));
        Report("cloud: encode wire frame (ToWire + EnvelopeCodec.Encode)", count,
            i => frames[i] = EnvelopeCodec.Encode(CloudHubTranslator.ToWire(envelopes[i])));
        Report("edge: decode frame + build and encode the ACK", count, i =>
        {
            var envelope = EnvelopeCodec.Decode(frames[i]);
            acks[i] = EnvelopeCodec.Encode(new MessageEnvelope(
                new MessageHeader(Guid.NewGuid().ToString(), ParentMsgId: envelope.Header.MsgId),
                new MessageRoute(ModuleNames.MetaManager, Groups.Resource, Operations.Response, envelope.Route.Resource),
                MessageContent.FromString(WellKnownContent.Ok)));
        });
        Report("cloud: decode ACK + classify", count,
            i => CloudHubTranslator.ClassifyUpstream("edge-1", EnvelopeCodec.Decode(acks[i])));
        var dir = Directory.CreateTempSubdirectory("cloudhub-micro-").FullName;
        using (var store = new SqliteAckStore(Path.Combine(dir, "acks.db")))
        {
            Report("cloud: SqliteAckStore RecordAck + its share of the batched commit", count, i =>
            {
                store.RecordAck("edge-" + (i % 1000), "m-" + i, "1");
                if (i % 1000 == 999)
                {
                    store.Flush();
                }
            });
        }

        Directory.Delete(dir, recursive: true);
    }

    private static void Report(string what, int count, Action<int> step)
    {
        for (var i = 0; i < Math.Min(count, 2000); i++)
        {
            step(i); // warm up (JIT, tiering)
        }

        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            step(i);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"micro: {what}: {clock.Elapsed.TotalMicroseconds / count:F2} us/msg"));
    }
}
