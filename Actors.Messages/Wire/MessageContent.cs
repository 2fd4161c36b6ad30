using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;

namespace Actors.Messages.Wire;

/// <summary>
/// A message's <c>content</c>: one JSON value kept as its validated UTF-8 text, so it round-trips with the
/// same meaning. KubeEdge's rules: a Go <c>[]byte</c> content is a base64 string in JSON (<see cref="FromBytes"/>),
/// strings stay strings (<see cref="FromString"/>), objects stay objects (<see cref="FromJson"/>,
/// <see cref="From{T}"/>). Equality is by JSON text first and by JSON meaning second.
/// </summary>
public sealed record MessageContent
{
    /// <summary>Deepest content nesting accepted anywhere (matches the codec's upper limit).</summary>
    internal const int MaxDepth = 256;

    private static readonly JsonReaderOptions StrictReader = new() { MaxDepth = MaxDepth };
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = MaxDepth };
    private readonly byte[] _json;

    private MessageContent(byte[] json, ContentKind kind)
    {
        _json = json;
        Kind = kind;
    }

    /// <summary>The JSON <c>null</c> content (also what a missing <c>content</c> member decodes to).</summary>
    public static MessageContent Null { get; } = new("null"u8.ToArray(), ContentKind.Null);

    /// <summary>The JSON kind of the value.</summary>
    public ContentKind Kind { get; }

    /// <summary>The value as UTF-8 JSON text.</summary>
    public ReadOnlyMemory<byte> Json => _json;

    /// <summary>Wraps UTF-8 JSON text of exactly one value; throws <see cref="FormatException"/> if it is not.</summary>
    public static MessageContent FromJson(ReadOnlySpan<byte> utf8Json)
    {
        var kind = Validate(utf8Json);
        return new MessageContent(utf8Json.ToArray(), kind);
    }

    /// <summary>A JSON string content (KubeEdge's string content, e.g. <c>"OK"</c>, <c>"ping"</c>).</summary>
    public static MessageContent FromString(string value) =>
        new(JsonSerializer.SerializeToUtf8Bytes(value, WireJsonContext.Default.String), ContentKind.String);

    /// <summary>Bytes as Go's encoding/json writes a <c>[]byte</c>: a standard base64 string.</summary>
    public static MessageContent FromBytes(ReadOnlySpan<byte> data) => FromString(Convert.ToBase64String(data));

    /// <summary>A content holding the given element.</summary>
    public static MessageContent FromElement(JsonElement element) =>
        new(JsonSerializer.SerializeToUtf8Bytes(element, WireJsonContext.Default.JsonElement), KindOf(element.ValueKind));

    /// <summary>Serializes <paramref name="value"/> with source-generated metadata.</summary>
    public static MessageContent From<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(value, typeInfo);
        return new MessageContent(bytes, Validate(bytes));
    }

    /// <summary>Internal fast path for the decoder: the slice was already validated by the reader.</summary>
    internal static MessageContent FromTrusted(byte[] json, ContentKind kind) =>
        kind == ContentKind.Null ? Null : new MessageContent(json, kind);

    /// <summary>The string value when <see cref="Kind"/> is String, otherwise null.</summary>
    public string? AsString()
    {
        if (Kind != ContentKind.String)
        {
            return null;
        }

        var reader = new Utf8JsonReader(_json);
        reader.Read();
        return reader.GetString();
    }

    /// <summary>
    /// Go's <c>GetContentData()</c> as a receiver sees it after a JSON round trip: a string gives its UTF-8
    /// bytes, anything else its JSON text.
    /// </summary>
    public byte[] GetContentData() => Kind == ContentKind.String
        ? Encoding.UTF8.GetBytes(AsString()!)
        : (byte[])_json.Clone();

    /// <summary>Decodes a base64 string content (a Go <c>[]byte</c>); false for other kinds or bad base64.</summary>
    public bool TryGetBytes(out byte[] data)
    {
        data = [];
        var text = AsString();
        if (text is null)
        {
            return false;
        }

        try
        {
            data = Convert.FromBase64String(text);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>An independent <see cref="JsonElement"/> of the value.</summary>
    public JsonElement ToElement()
    {
        using var doc = JsonDocument.Parse(_json, DocumentOptions);
        return doc.RootElement.Clone();
    }

    /// <summary>Deserializes the value; throws <see cref="JsonException"/> when it does not fit.</summary>
    public T? Deserialize<T>(JsonTypeInfo<T> typeInfo) => JsonSerializer.Deserialize(_json, typeInfo);

    /// <summary>Equal when the JSON text is identical or the JSON trees have the same meaning.</summary>
    public bool Equals(MessageContent? other)
    {
        if (other is null || other.Kind != Kind)
        {
            return false;
        }

        if (ReferenceEquals(this, other) || _json.AsSpan().SequenceEqual(other._json))
        {
            return true;
        }

        using var a = JsonDocument.Parse(_json, DocumentOptions);
        using var b = JsonDocument.Parse(other._json, DocumentOptions);
        return JsonElement.DeepEquals(a.RootElement, b.RootElement);
    }

    /// <summary>Hash by kind only, because equal meanings may have different texts.</summary>
    public override int GetHashCode() => (int)Kind;

    /// <summary>The JSON text.</summary>
    public override string ToString() => Encoding.UTF8.GetString(_json);

    internal void WriteTo(Utf8JsonWriter writer) => writer.WriteRawValue(_json, skipInputValidation: true);

    internal static ContentKind KindOf(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => ContentKind.Object,
        JsonTokenType.StartArray => ContentKind.Array,
        JsonTokenType.String => ContentKind.String,
        JsonTokenType.Number => ContentKind.Number,
        JsonTokenType.True or JsonTokenType.False => ContentKind.Boolean,
        _ => ContentKind.Null,
    };

    private static ContentKind KindOf(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => ContentKind.Object,
        JsonValueKind.Array => ContentKind.Array,
        JsonValueKind.String => ContentKind.String,
        JsonValueKind.Number => ContentKind.Number,
        JsonValueKind.True or JsonValueKind.False => ContentKind.Boolean,
        _ => ContentKind.Null,
    };

    private static ContentKind Validate(ReadOnlySpan<byte> utf8Json)
    {
        if (!Utf8.IsValid(utf8Json))
        {
            throw new FormatException("content: not valid UTF-8");
        }

        try
        {
            var reader = new Utf8JsonReader(utf8Json, StrictReader);
            if (!reader.Read())
            {
                throw new FormatException("content: empty JSON");
            }

            var kind = KindOf(reader.TokenType);
            reader.Skip();
            if (reader.Read())
            {
                throw new FormatException("content: more than one JSON value");
            }

            return kind;
        }
        catch (JsonException e)
        {
            throw new FormatException($"content: malformed JSON ({e.Message})", e);
        }
    }
}
