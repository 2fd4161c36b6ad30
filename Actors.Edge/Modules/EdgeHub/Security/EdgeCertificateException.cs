namespace Actors.Edge.Modules.EdgeHub.Security;

/// <summary>The edge could not obtain a certificate (bad token, CA hash mismatch, refused by the cloud…).</summary>
public sealed class EdgeCertificateException : Exception
{
    public EdgeCertificateException(string message)
        : base(message)
    {
    }

    public EdgeCertificateException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public EdgeCertificateException()
    {
    }
}
