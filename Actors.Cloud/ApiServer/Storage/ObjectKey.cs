namespace Actors.Cloud.ApiServer.Storage;

/// <summary>Identity of a stored object: storage kind key ("core/pods", "apps/deployments"), namespace ("" for cluster scope) and name.</summary>
public readonly record struct ObjectKey(string KindKey, string Namespace, string Name)
{
    public override string ToString() => KindKey + "/" + Namespace + "/" + Name;
}
