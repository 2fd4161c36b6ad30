using System.Text;
using System.Text.Json;

namespace Actors.Messages.Wire;

/// <summary>Reads the beehive JSON layout from a <see cref="Utf8JsonReader"/> positioned before the first token.</summary>
internal static class EnvelopeReader
{
    public static MessageEnvelope? Read(ref Utf8JsonReader reader, ReadOnlySpan<byte> input, out EnvelopeError? error)
    {
        try
        {
            error = null;
            return ReadMessage(ref reader, input);
        }
        catch (DecodeFailure failure)
        {
            error = failure.Error;
            return null;
        }
    }

    private static MessageEnvelope ReadMessage(ref Utf8JsonReader reader, ReadOnlySpan<byte> input)
    {
        if (!reader.Read())
        {
            throw Fail(EnvelopeErrorKind.MalformedJson, "message: empty input");
        }

        ExpectStart(ref reader, "message");
        MessageHeader? header = null;
        MessageRoute? route = null;
        var content = MessageContent.Null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (Is(ref reader, WireNames.Header))
            {
                reader.Read();
                header = ReadHeader(ref reader);
            }
            else if (Is(ref reader, WireNames.Route))
            {
                reader.Read();
                route = ReadRoute(ref reader);
            }
            else if (Is(ref reader, WireNames.Content))
            {
                reader.Read();
                content = ReadContent(ref reader, input);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        // Reading past the end makes the reader reject trailing data after the single top-level value.
        reader.Read();
        if (header is null)
        {
            throw Fail(EnvelopeErrorKind.MissingField, "header: required object is missing");
        }

        return route is null
            ? throw Fail(EnvelopeErrorKind.MissingField, "route: required object is missing")
            : new MessageEnvelope(header, route, content);
    }

    private static MessageHeader? ReadHeader(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        ExpectStart(ref reader, "header");
        string id = string.Empty, parent = string.Empty, version = string.Empty, type = string.Empty;
        long timestamp = 0;
        var sync = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (Is(ref reader, WireNames.MsgId))
            {
                id = ReadString(ref reader, "header.msg_id");
            }
            else if (Is(ref reader, WireNames.ParentMsgId))
            {
                parent = ReadString(ref reader, "header.parent_msg_id");
            }
            else if (Is(ref reader, WireNames.Timestamp))
            {
                timestamp = ReadInt64(ref reader, "header.timestamp");
            }
            else if (Is(ref reader, WireNames.ResourceVersion))
            {
                version = ReadString(ref reader, "header.resourceversion");
            }
            else if (Is(ref reader, WireNames.Sync))
            {
                sync = ReadBool(ref reader, "header.sync");
            }
            else if (Is(ref reader, WireNames.Type))
            {
                type = ReadString(ref reader, "header.type");
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return id.Length == 0
            ? throw Fail(EnvelopeErrorKind.MissingField, "header.msg_id: required non-empty string is missing")
            : new MessageHeader(id, parent, timestamp, version, sync, type);
    }

    private static MessageRoute? ReadRoute(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        ExpectStart(ref reader, "route");
        string source = string.Empty, group = string.Empty, operation = string.Empty;
        string resource = string.Empty, destination = string.Empty;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (Is(ref reader, WireNames.Source))
            {
                source = ReadString(ref reader, "route.source");
            }
            else if (Is(ref reader, WireNames.Group))
            {
                group = ReadString(ref reader, "route.group");
            }
            else if (Is(ref reader, WireNames.Operation))
            {
                operation = ReadString(ref reader, "route.operation");
            }
            else if (Is(ref reader, WireNames.Resource))
            {
                resource = ReadString(ref reader, "route.resource");
            }
            else if (Is(ref reader, WireNames.Destination))
            {
                destination = ReadString(ref reader, "route.destination");
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return new MessageRoute(source, group, operation, resource, destination);
    }

    private static MessageContent ReadContent(ref Utf8JsonReader reader, ReadOnlySpan<byte> input)
    {
        var kind = MessageContent.KindOf(reader.TokenType);
        if (kind == ContentKind.Null)
        {
            return MessageContent.Null;
        }

        var start = checked((int)reader.TokenStartIndex);
        reader.Skip();
        var end = checked((int)reader.BytesConsumed);
        return MessageContent.FromTrusted(input[start..end].ToArray(), kind);
    }

    private static string ReadString(ref Utf8JsonReader reader, string path)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString()!,
            JsonTokenType.Null => string.Empty,
            _ => throw WrongType(ref reader, path, "a string"),
        };
    }

    private static long ReadInt64(ref Utf8JsonReader reader, string path)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return 0;
        }

        return reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value)
            ? value
            : throw WrongType(ref reader, path, "a 64-bit integer");
    }

    private static bool ReadBool(ref Utf8JsonReader reader, string path)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False or JsonTokenType.Null => false,
            _ => throw WrongType(ref reader, path, "a boolean"),
        };
    }

    private static void ExpectStart(ref Utf8JsonReader reader, string path)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw WrongType(ref reader, path, "an object");
        }
    }

    /// <summary>Go's encoding/json rule: exact member name, else an ASCII case-insensitive match.</summary>
    private static bool Is(ref Utf8JsonReader reader, ReadOnlySpan<byte> name)
    {
        if (reader.ValueTextEquals(name))
        {
            return true;
        }

        if (!reader.ValueIsEscaped)
        {
            return Ascii.EqualsIgnoreCase(reader.ValueSpan, name);
        }

        var text = reader.GetString()!;
        return Encoding.UTF8.GetByteCount(text) == name.Length && Ascii.EqualsIgnoreCase(Encoding.UTF8.GetBytes(text), name);
    }

    private static DecodeFailure WrongType(ref Utf8JsonReader reader, string path, string expected)
    {
        var position = reader.TokenStartIndex + 1;
        return Fail(EnvelopeErrorKind.WrongType, $"{path}: expected {expected}, got {reader.TokenType} at byte {position}");
    }

    private static DecodeFailure Fail(EnvelopeErrorKind kind, string message) => new(new EnvelopeError(kind, message));

    /// <summary>Carries a decoding error out of the recursive reader; never escapes the codec.</summary>
    private sealed class DecodeFailure(EnvelopeError error) : Exception(error.Message)
    {
        public EnvelopeError Error { get; } = error;
    }
}
