namespace Actors.Cloud.Modules.CloudHub.Security;

/// <summary>Object identifiers used by the certificate code.</summary>
internal static class Oids
{
    public const string EcPublicKey = "1.2.840.10045.2.1";
    public const string CommonName = "2.5.4.3";
    public const string Organization = "2.5.4.10";
    public const string ServerAuth = "1.3.6.1.5.5.7.3.1";
    public const string ClientAuth = "1.3.6.1.5.5.7.3.2";
}
