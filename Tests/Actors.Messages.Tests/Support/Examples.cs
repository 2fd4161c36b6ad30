using Actors.Messages.Wire;

namespace Actors.Messages.Tests.Support;

/// <summary>Loads a KubeEdge example message (callers are [ExamplesTheory]/[ExamplesFact] tests).</summary>
internal static class Examples
{
    public static MessageEnvelope Load(string file) =>
        EnvelopeCodec.Decode(File.ReadAllBytes(Path.Combine(SharedReference.ExamplesDirectory!, file)));

    public static MessageHeader Header(string id = "h-1", long timestamp = 1722931200000) => new(id, Timestamp: timestamp);
}
