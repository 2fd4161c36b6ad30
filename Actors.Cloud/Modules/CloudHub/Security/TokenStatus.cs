namespace Actors.Cloud.Modules.CloudHub.Security;

/// <summary>Outcome of verifying a join token.</summary>
public enum TokenStatus
{
    Valid,

    /// <summary>Not <c>&lt;hex sha256&gt;.&lt;header&gt;.&lt;claims&gt;.&lt;signature&gt;</c>, bad base64url/JSON, wrong alg, no exp.</summary>
    Malformed,

    /// <summary>The hash part is not the SHA-256 of this cloud's CA certificate.</summary>
    WrongCaHash,

    /// <summary>The HMAC-SHA256 signature does not match.</summary>
    BadSignature,

    /// <summary>The <c>exp</c> claim is not in the future.</summary>
    Expired,
}
