namespace Actors.Cloud.Modules.CloudHub.Security;

/// <summary>The result of verifying a join token or its JWT part, with a human-readable reason.</summary>
public sealed record TokenVerification(TokenStatus Status, string Reason, DateTimeOffset? ExpiresAt = null)
{
    public bool IsValid => Status == TokenStatus.Valid;
}
