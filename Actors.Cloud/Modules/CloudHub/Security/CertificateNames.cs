using System.Security.Cryptography.X509Certificates;

namespace Actors.Cloud.Modules.CloudHub.Security;

/// <summary>Reads subject attributes from distinguished names.</summary>
public static class CertificateNames
{
    /// <summary>The (last) CN of a name, or null.</summary>
    public static string? CommonName(X500DistinguishedName name) => Attribute(name, Oids.CommonName);

    /// <summary>The (last) O of a name, or null.</summary>
    public static string? Organization(X500DistinguishedName name) => Attribute(name, Oids.Organization);

    private static string? Attribute(X500DistinguishedName name, string oid)
    {
        string? value = null;
        foreach (var rdn in name.EnumerateRelativeDistinguishedNames())
        {
            if (!rdn.HasMultipleElements && rdn.GetSingleElementType().Value == oid)
            {
                value = rdn.GetSingleElementValue();
            }
        }

        return value;
    }
}
