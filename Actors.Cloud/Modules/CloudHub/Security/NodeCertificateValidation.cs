namespace Actors.Cloud.Modules.CloudHub.Security;

/// <summary>The outcome of checking a node's client certificate; <see cref="NodeName"/> is set when valid.</summary>
public sealed record NodeCertificateValidation(bool IsValid, string? NodeName, string Reason)
{
    public static NodeCertificateValidation Accept(string nodeName) => new(true, nodeName, "valid");

    public static NodeCertificateValidation Reject(string reason) => new(false, null, reason);
}
