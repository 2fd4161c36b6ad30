using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Actors.Cloud.Modules.CloudHub.Security;

/// <summary>
/// Server side of mutual TLS: a client certificate is accepted when it chains to our CA (and only our CA), is valid
/// now, allows ClientAuth, and names a node (<c>O=system:nodes, CN=system:node:&lt;node&gt;</c>). CloudHub compares
/// the extracted node name with the <c>node_id</c> header and the URL path.
/// </summary>
public sealed class NodeCertificateValidator(X509Certificate2 caCertificate, TimeProvider time)
{
    /// <summary>Checks the certificate and extracts the node name.</summary>
    public NodeCertificateValidation Validate(X509Certificate2? certificate)
    {
        if (certificate is null)
        {
            return NodeCertificateValidation.Reject("no client certificate");
        }

        if (ChainError(certificate) is { } error)
        {
            return NodeCertificateValidation.Reject(error);
        }

        var cn = CertificateNames.CommonName(certificate.SubjectName);
        if (cn is null || !cn.StartsWith(NodeCertificateIssuer.NodeCommonNamePrefix, StringComparison.Ordinal))
        {
            return NodeCertificateValidation.Reject($"certificate CN '{cn}' is not system:node:<node>");
        }

        if (CertificateNames.Organization(certificate.SubjectName) != NodeCertificateIssuer.NodesOrganization)
        {
            return NodeCertificateValidation.Reject("certificate organization is not system:nodes");
        }

        var node = cn[NodeCertificateIssuer.NodeCommonNamePrefix.Length..];
        return NodeNames.IsValid(node)
            ? NodeCertificateValidation.Accept(node)
            : NodeCertificateValidation.Reject($"certificate names an invalid node '{node}'");
    }

    /// <summary>Checks the certificate and that it belongs to <paramref name="nodeId"/>.</summary>
    public NodeCertificateValidation ValidateForNode(X509Certificate2? certificate, string nodeId)
    {
        var result = Validate(certificate);
        return !result.IsValid || result.NodeName == nodeId
            ? result
            : NodeCertificateValidation.Reject($"certificate is for node '{result.NodeName}', not '{nodeId}'");
    }

    /// <summary>
    /// For Kestrel's <c>ClientCertificateValidation</c> / SslStream's callback: the platform's verdict is replaced by
    /// our own chain check against the CA.
    /// </summary>
    public bool ValidateCallback(X509Certificate2 certificate, X509Chain? chain, SslPolicyErrors errors) =>
        Validate(certificate).IsValid;

    /// <summary>Null when the certificate chains to our CA with ClientAuth at the current time, else the reason.</summary>
    internal string? ChainError(X509Certificate2 certificate, string usageOid = Oids.ClientAuth)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(caCertificate);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = time.GetUtcNow().UtcDateTime;
        chain.ChainPolicy.VerificationTimeIgnored = false;
        chain.ChainPolicy.ApplicationPolicy.Add(new Oid(usageOid));
        try
        {
            if (chain.Build(certificate))
            {
                return null;
            }

            var statuses = chain.ChainStatus.Select(s => s.Status.ToString()).Distinct();
            return $"certificate does not chain to the KubeEdge CA ({string.Join(", ", statuses)})";
        }
        finally
        {
            foreach (var element in chain.ChainElements)
            {
                element.Certificate.Dispose();
            }
        }
    }
}
