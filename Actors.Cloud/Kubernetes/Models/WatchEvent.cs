namespace Actors.Cloud.Kubernetes.Models;

/// <summary>The "type" values of a watch event.</summary>
public static class WatchEventType
{
    public const string Added = "ADDED";
    public const string Modified = "MODIFIED";
    public const string Deleted = "DELETED";
    public const string Bookmark = "BOOKMARK";
    public const string Error = "ERROR";
}

/// <summary>
/// One decoded line of a watch stream. <see cref="Object"/> is set for ADDED, MODIFIED, DELETED and
/// BOOKMARK; <see cref="ErrorStatus"/> for ERROR.
/// </summary>
public sealed record WatchEvent<T>(string Type, T? Object, Status? ErrorStatus, string? ResourceVersion);
