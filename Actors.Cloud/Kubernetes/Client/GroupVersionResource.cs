namespace Actors.Cloud.Kubernetes.Client;

/// <summary>Names a resource collection on the API server ("" group = the core API under /api).</summary>
public readonly record struct GroupVersionResource(string Group, string Version, string Resource)
{
    /// <summary>"/api/v1" for the core group, "/apis/&lt;group&gt;/&lt;version&gt;" otherwise.</summary>
    public string ApiPrefix => Group.Length == 0 ? $"/api/{Version}" : $"/apis/{Group}/{Version}";

    /// <summary>The apiVersion field of objects of this resource ("v1" or "group/version").</summary>
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    public override string ToString() => Group.Length == 0 ? $"{Version}/{Resource}" : $"{Group}/{Version}/{Resource}";
}
