using System.Text;
using Actors.Messages.Wire;

namespace Actors.Messages.Tests.Wire;

/// <summary>Corrupted input never escapes TryDecode as an exception (seeded, so failures reproduce).</summary>
public sealed class EnvelopeFuzzTests
{
    private static readonly byte[] Valid = Encoding.UTF8.GetBytes(
        """{"header":{"msg_id":"m-1","parent_msg_id":"p","timestamp":1722931200123,"resourceversion":"7","sync":true},"route":{"source":"edgecontroller","group":"resource","operation":"insert","resource":"default/pod/nginx"},"content":{"a":[1,2.5,"x\u00e9",null,true],"b":{"c":"d"}}}""");

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void TryDecode_RandomCorruption_NeverThrows(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 3000; i++)
        {
            var bytes = Mutate(random);

            var ok = EnvelopeCodec.TryDecode(bytes, out var envelope, out var error);

            Assert.True(ok ? envelope is not null && error is null : envelope is null && error is not null);
            if (ok)
            {
                Assert.Equal(envelope, EnvelopeCodec.Decode(EnvelopeCodec.Encode(envelope!)));
            }
        }
    }

    private static byte[] Mutate(Random random)
    {
        var bytes = (byte[])Valid.Clone();
        switch (random.Next(3))
        {
            case 0:
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                return bytes;
            case 1:
                return bytes[..random.Next(bytes.Length)];
            default:
                const string structural = "{}[]\",:0\\";
                var at = random.Next(bytes.Length);
                return [.. bytes[..at], (byte)structural[random.Next(structural.Length)], .. bytes[at..]];
        }
    }
}
