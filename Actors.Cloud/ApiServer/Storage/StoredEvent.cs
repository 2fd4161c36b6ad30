using System.Text.Json.Nodes;

namespace Actors.Cloud.ApiServer.Storage;

/// <summary>One committed change. <see cref="Object"/> is never mutated after it is published.</summary>
public sealed record StoredEvent(string Type, long Revision, ObjectKey Key, JsonObject Object)
{
    public const string Added = "ADDED";
    public const string Modified = "MODIFIED";
    public const string Deleted = "DELETED";
}
