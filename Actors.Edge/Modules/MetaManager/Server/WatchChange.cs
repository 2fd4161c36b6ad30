using Actors.Messages.Routing;

namespace Actors.Edge.Modules.MetaManager.Server;

/// <summary>A committed change of a stored object, as a Kubernetes watch event type and the object's JSON.</summary>
public sealed record WatchChange(string Type, EdgeResource Resource, string Value)
{
    public const string Added = "ADDED";
    public const string Modified = "MODIFIED";
    public const string Deleted = "DELETED";
}
