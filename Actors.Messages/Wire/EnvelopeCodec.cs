using System.Buffers;
using System.Text.Json;
using System.Text.Unicode;

namespace Actors.Messages.Wire;

/// <summary>
/// Pure UTF-8 JSON codec for <see cref="MessageEnvelope"/>, compatible with KubeEdge's beehive message JSON.
/// Decoding follows Go's encoding/json where it matters: unknown members are ignored, member names match
/// case-insensitively (exact match preferred), JSON null leaves a field at its default. It is stricter than Go in
/// requiring <c>header</c>, <c>header.msg_id</c> and <c>route</c>, and in enforcing a size and depth limit.
/// </summary>
public static class EnvelopeCodec
{
    /// <summary>Decodes one envelope; throws <see cref="FormatException"/> carrying the error text.</summary>
    public static MessageEnvelope Decode(ReadOnlySpan<byte> utf8Json, EnvelopeCodecOptions? options = null)
    {
        if (TryDecode(utf8Json, out var envelope, out var error, options))
        {
            return envelope!;
        }

        throw new FormatException($"invalid KubeEdge message: {error}");
    }

    /// <summary>Decodes one envelope, reporting failures through <paramref name="error"/> instead of throwing.</summary>
    public static bool TryDecode(
        ReadOnlySpan<byte> utf8Json,
        out MessageEnvelope? envelope,
        out EnvelopeError? error,
        EnvelopeCodecOptions? options = null)
    {
        options ??= EnvelopeCodecOptions.Default;
        envelope = null;
        if (utf8Json.Length > options.MaxMessageBytes)
        {
            error = new EnvelopeError(
                EnvelopeErrorKind.TooLarge,
                $"message is {utf8Json.Length} bytes, the limit is {options.MaxMessageBytes}");
            return false;
        }

        if (!Utf8.IsValid(utf8Json))
        {
            error = new EnvelopeError(EnvelopeErrorKind.MalformedJson, "message is not valid UTF-8");
            return false;
        }

        try
        {
            var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = options.MaxDepth });
            envelope = EnvelopeReader.Read(ref reader, utf8Json, out error);
            return envelope is not null;
        }
        catch (JsonException e)
        {
            var where = e.BytePositionInLine is { } pos ? $" (line {e.LineNumber + 1}, byte {pos + 1})" : string.Empty;
            error = new EnvelopeError(EnvelopeErrorKind.MalformedJson, FirstSentence(e.Message) + where);
            return false;
        }
    }

    /// <summary>Encodes the envelope as compact UTF-8 JSON into <paramref name="output"/>.</summary>
    public static void Encode(MessageEnvelope envelope, IBufferWriter<byte> output)
    {
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { SkipValidation = true });
        EnvelopeWriter.Write(writer, envelope);
    }

    /// <summary>Encodes the envelope as compact UTF-8 JSON.</summary>
    public static byte[] Encode(MessageEnvelope envelope)
    {
        var buffer = new ArrayBufferWriter<byte>(256 + envelope.Content.Json.Length);
        Encode(envelope, buffer);
        return buffer.WrittenSpan.ToArray();
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
