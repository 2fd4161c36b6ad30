namespace Actors.Cloud.Modules.CloudHub.Security;

/// <summary>A certificate request that cannot be honoured (bad CSR, wrong name); the message says why.</summary>
public sealed class CertificateRequestException : Exception
{
    public CertificateRequestException(string message)
        : base(message)
    {
    }

    public CertificateRequestException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public CertificateRequestException()
    {
    }
}
