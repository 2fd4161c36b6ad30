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
                using var doc = JsonDocument.Parse(envelope.Content.Json);
                if (doc.RootElement.TryGetProperty("metadata", out var meta) && meta.ValueKind == JsonValueKind.Object
                    && meta.TryGetProperty("uid", out var uid) && uid.ValueKind == JsonValueKind.String
                    && uid.GetString() is { Length: > 0 } value)
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
