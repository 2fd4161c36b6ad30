using System.Text.Json.Nodes;

namespace Actors.Cloud.ApiServer.Storage;

/// <summary>
/// One committed change. <see cref="Object"/> is never mutated after it is published; <see cref="PreviousText"/> is the
/// stored JSON before a MODIFIED change (so watches with selectors can tell objects entering or leaving them).
/// </summary>
public sealed record StoredEvent(string Type, long Revision, ObjectKey Key, JsonObject Object, string? PreviousText = null)
{
    public const string Added = "ADDED";
    public const string Modified = "MODIFIED";
    public const string Deleted = "DELETED";
}
