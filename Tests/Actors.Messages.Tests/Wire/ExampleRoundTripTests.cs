using System.Text.Json;
using System.Text.Json.Nodes;
using Actors.Messages.Tests.Support;
using Actors.Messages.Wire;

namespace Actors.Messages.Tests.Wire;

/// <summary>Every KubeEdge example message (../shared/reference/kubeedge-examples/01–09) round-trips with the same meaning.</summary>
public sealed class ExampleRoundTripTests
{
    public static TheoryData<string> ExampleFiles => new()
    {
        "01-cloud-to-edge-pod-insert.json",
        "02-edge-ack.json",
        "03-edge-keepalive.json",
        "04-edge-query-configmap.json",
        "05-cloud-query-response.json",
        "06-cloud-internal-connect-event.json",
        "07-edge-twin-edge-updated-to-cloud.json",
        "08-edge-device-state-to-cloud.json",
        "09-cloud-membership-update.json",
    };

    [ExamplesTheory]
    [MemberData(nameof(ExampleFiles))]
    public void Example_DecodeThenEncode_SameJsonTree(string file)
    {
        var original = File.ReadAllBytes(Path.Combine(SharedReference.ExamplesDirectory!, file));

        var encoded = EnvelopeCodec.Encode(EnvelopeCodec.Decode(original));

        using var expected = JsonDocument.Parse(WithoutAnnotations(original));
        using var actual = JsonDocument.Parse(encoded);
        Assert.Null(JsonTree.FirstDifference(expected.RootElement, actual.RootElement));
    }

    [ExamplesTheory]
    [MemberData(nameof(ExampleFiles))]
    public void Example_EncodeThenDecode_EqualRecord(string file)
    {
        var decoded = EnvelopeCodec.Decode(File.ReadAllBytes(Path.Combine(SharedReference.ExamplesDirectory!, file)));

        var again = EnvelopeCodec.Decode(EnvelopeCodec.Encode(decoded));

        Assert.Equal(decoded, again);
    }

    [ExamplesTheory]
    [InlineData("01-cloud-to-edge-pod-insert.json", "6f1d2c1e-0b7a-4a53-9f53-1a2b3c4d5e6f", "", 1722931200123L, "48213", "edgecontroller", "resource", "insert", "default/pod/nginx-7d9c", ContentKind.Object)]
    [InlineData("02-edge-ack.json", "c0ffee00-1111-2222-3333-444455556666", "6f1d2c1e-0b7a-4a53-9f53-1a2b3c4d5e6f", 1722931200456L, "", "edgecontroller", "resource", "response", "default/pod/nginx-7d9c", ContentKind.String)]
    [InlineData("04-edge-query-configmap.json", "aa11bb22-cc33-4d44-8e55-ff6677889900", "", 1722931300000L, "", "edged", "meta", "query", "default/configmap/app-config", ContentKind.Null)]
    [InlineData("08-edge-device-state-to-cloud.json", "c1c2c3c4-0000-4000-8000-000000000020", "", 1722931500000L, "", "twin", "resource", "update", "device/default/thermo-01/state/update", ContentKind.String)]
    public void Example_Decode_FieldsAsInFile(
        string file, string id, string parent, long timestamp, string rv,
        string source, string group, string operation, string resource, ContentKind kind)
    {
        var message = EnvelopeCodec.Decode(File.ReadAllBytes(Path.Combine(SharedReference.ExamplesDirectory!, file)));

        Assert.Equal(new MessageHeader(id, parent, timestamp, rv), message.Header);
        Assert.Equal(new MessageRoute(source, group, operation, resource), message.Route);
        Assert.Equal(kind, message.Content.Kind);
    }

    /// <summary>Members starting with '_' are notes added to the example files, not part of KubeEdge's message.</summary>
    private static byte[] WithoutAnnotations(byte[] json)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        foreach (var key in node.Select(p => p.Key).Where(k => k.StartsWith('_')).ToList())
        {
            node.Remove(key);
        }

        return JsonSerializer.SerializeToUtf8Bytes(node);
    }
}
