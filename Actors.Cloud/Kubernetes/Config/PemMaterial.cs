using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Actors.Cloud.Kubernetes.Config;

/// <summary>Reads certificates and keys given inline (base64 of PEM) or as files; errors name the source field.</summary>
internal static class PemMaterial
{
    /// <summary>The PEM text of a "-data" field (base64) or of a file field (path relative to <paramref name="baseDirectory"/>).</summary>
    public static string? Read(string? data, string? file, string dataField, string fileField, string source, string baseDirectory)
    {
        if (!string.IsNullOrWhiteSpace(data))
        {
            try
            {
                return Encoding.UTF8.GetString(Convert.FromBase64String(data.Trim()));
            }
            catch (FormatException ex)
            {
                throw new KubeConfigException($"{source}: {dataField} is not valid base64", ex);
            }
        }
        if (string.IsNullOrWhiteSpace(file))
        {
            return null;
        }
        var path = Path.IsPathRooted(file) ? file : Path.Combine(baseDirectory, file);
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new KubeConfigException($"{source}: {fileField} '{path}' cannot be read: {ex.Message}", ex);
        }
    }

    public static X509Certificate2Collection Certificates(string pem, string field, string source)
    {
        var collection = new X509Certificate2Collection();
        try
        {
            collection.ImportFromPem(pem);
        }
        catch (CryptographicException ex)
        {
            throw new KubeConfigException($"{source}: {field} is not a PEM certificate: {ex.Message}", ex);
        }
        return collection.Count > 0 ? collection : throw new KubeConfigException($"{source}: {field} holds no PEM certificate");
    }

    /// <summary>A certificate with its private key, loaded so that TLS can use the key on every platform.</summary>
    public static X509Certificate2 ClientCertificate(string certificatePem, string keyPem, string source)
    {
        try
        {
            using var ephemeral = X509Certificate2.CreateFromPem(certificatePem, keyPem);
            return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pkcs12), null);
        }
        catch (CryptographicException ex)
        {
            throw new KubeConfigException($"{source}: the client certificate and key do not form a valid pair: {ex.Message}", ex);
        }
        catch (ArgumentException ex)
        {
            throw new KubeConfigException($"{source}: the client certificate or key is not valid PEM: {ex.Message}", ex);
        }
    }
}
