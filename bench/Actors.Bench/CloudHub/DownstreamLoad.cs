using System.Text;
using Actors.Messages.CloudHub;
using Actors.Messages.Routing;
using Actors.Messages.Wire;

namespace Actors.Bench.CloudHub;

/// <summary>Pod updates that need an ACK, each a distinct object (uid) so none supersedes another.</summary>
internal sealed class DownstreamLoad(int size)
{
    private readonly string _pad = new('x', size);

    public MessageEnvelope Envelope(string node, string uid) => new(
        new MessageHeader(Guid.NewGuid().ToString(), ResourceVersion: "1"),
        new MessageRoute(ModuleNames.EdgeController, Groups.Resource, Operations.Update, $"node/{node}/default/pod/{uid}"),
        MessageContent.FromJson(Encoding.UTF8.GetBytes(
            $$$"""{"metadata":{"name":"{{{uid}}}","namespace":"default","uid":"{{{uid}}}","resourceVersion":"1"},"spec":{"pad":"{{{_pad}}}"}}""")));

    /// <summary>Size of the frame CloudHub writes for one such message (the echo baseline uses the same size).</summary>
    public static int FrameBytes(int size) =>
        EnvelopeCodec.Encode(CloudHubTranslator.ToWire(new DownstreamLoad(size).Envelope("edge-1", "m-1"))).Length;
}
