using System.Buffers;
using System.Diagnostics;
using System.Text.Json;
using Actors.Messages.Wire;

namespace Actors.Bench.Envelope;

/// <summary>
/// Envelope codec throughput: decode + encode of a pod-insert message (like KubeEdge example 01) per operation.
/// Baseline, measured in the same run: the same bytes through System.Text.Json's DOM (JsonDocument.Parse + WriteTo).
/// </summary>
public static class EnvelopeBench
{
    private static readonly byte[] Sample = """
        {"header":{"msg_id":"6f1d2c1e-0b7a-4a53-9f53-1a2b3c4d5e6f","timestamp":1722931200123,"resourceversion":"48213"},
         "route":{"source":"edgecontroller","group":"resource","operation":"insert","resource":"default/pod/nginx-7d9c"},
         "content":{"apiVersion":"v1","kind":"Pod","metadata":{"name":"nginx-7d9c","namespace":"default","uid":"0b9e-uid",
         "resourceVersion":"48213","labels":{"app":"nginx","tier":"web"}},"spec":{"nodeName":"edge-node-1",
         "containers":[{"name":"nginx","image":"nginx:1.25","ports":[{"containerPort":80}],
         "resources":{"limits":{"cpu":"500m","memory":"128Mi"}}}]},"status":{"phase":"Pending"}}}
        """u8.ToArray();

    public static int Run(string[] args)
    {
        var seconds = args.Length > 0 && double.TryParse(args[0], out var s) ? s : 3;
        var buffer = new ArrayBufferWriter<byte>(4096);
        Console.WriteLine($"envelope: {Sample.Length}-byte pod message, {seconds}s per measurement");
        Measure("baseline JsonDocument parse+write", seconds, () =>
        {
            buffer.ResetWrittenCount();
            using var doc = JsonDocument.Parse(Sample);
            using var writer = new Utf8JsonWriter(buffer);
            doc.WriteTo(writer);
        });
        Measure("EnvelopeCodec decode+encode", seconds, () =>
        {
            buffer.ResetWrittenCount();
            EnvelopeCodec.Encode(EnvelopeCodec.Decode(Sample), buffer);
        });
        Measure("EnvelopeCodec decode only", seconds, () => EnvelopeCodec.Decode(Sample));
        return 0;
    }

    private static void Measure(string name, double seconds, Action operation)
    {
        for (var i = 0; i < 20_000; i++)
        {
            operation();
        }

        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        long count = 0;
        while (watch.Elapsed.TotalSeconds < seconds)
        {
            for (var i = 0; i < 1000; i++)
            {
                operation();
            }

            count += 1000;
        }

        watch.Stop();
        var allocated = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / (double)count;
        Console.WriteLine($"{name,-36} {count / watch.Elapsed.TotalSeconds,12:N0} ops/s  {allocated,8:N0} B/op");
    }
}
