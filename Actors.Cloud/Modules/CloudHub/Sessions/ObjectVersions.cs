using System.Text.Json;
using Actors.Messages.Routing;
using Actors.Messages.Wire;

namespace Actors.Cloud.Modules.CloudHub.Sessions;

/// <summary>Object identity and version rules of the reliable queue (KubeEdge's UID key and uint64 RV comparison).</summary>
internal static class ObjectVersions
{
    /// <summary>The object's <c>metadata.uid</c>, or the resource string when the content carries none.</summary>
    public static string KeyOf(MessageEnvelope envelope)
    {
        if (envelope.Content.Kind == ContentKind.Object)
        {
            try
            {
                if (UidOf(envelope.Content.Json.Span) is { Length: > 0 } value)
                {
                    return value;
                }
            }
            catch (JsonException)
            {
                // content was validated by the codec; fall through to the resource key
            }
        }

        return envelope.Route.Resource;
    }

    /// <summary>
    /// One forward pass over the object's top level: the string <c>metadata.uid</c>, or null. Other members are
    /// skipped without being materialised (this runs once per downstream message).
    /// </summary>
    private static string? UidOf(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isMetadata = reader.ValueTextEquals("metadata"u8);
            reader.Read();
            if (isMetadata)
            {
                return reader.TokenType == JsonTokenType.StartObject ? UidInMetadata(ref reader) : null;
            }

            reader.Skip();
        }

        return null;
    }

    private static string? UidInMetadata(ref Utf8JsonReader reader)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isUid = reader.ValueTextEquals("uid"u8);
            reader.Read();
            if (isUid)
            {
                return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }

            reader.Skip();
        }

        return null;
    }

    /// <summary>True when <paramref name="candidate"/> should replace a message of version <paramref name="current"/>.</summary>
    public static bool Supersedes(MessageEnvelope candidate, string current)
    {
        if (candidate.Route.Operation is Operations.Delete or Operations.Response)
        {
            return true;
        }

        return IsNewer(candidate.Header.ResourceVersion, current);
    }

    /// <summary>Numeric comparison of resourceVersions; a non-numeric one counts as newer (never lose data).</summary>
    public static bool IsNewer(string candidate, string current) =>
        !ulong.TryParse(candidate, out var a) || !ulong.TryParse(current, out var b) || a > b;
}
