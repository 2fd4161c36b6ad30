using Microsoft.AspNetCore.Http;

namespace Actors.Cloud.Tests.Kubernetes.Support;

/// <summary>What the scripted server received.</summary>
internal sealed record RecordedRequest(
    string Method,
    string Path,
    string RawQuery,
    IQueryCollection Query,
    IHeaderDictionary Headers,
    string ContentType,
    byte[] Body,
    string Protocol)
{
    public string BodyText => System.Text.Encoding.UTF8.GetString(Body);

    public string? QueryValue(string name) => Query.TryGetValue(name, out var v) ? v.ToString() : null;
}
