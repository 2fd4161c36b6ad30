using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Actors.Edge.Modules.EdgeHub.Security;

/// <summary>
/// Files of the edge's credentials, written as KubeEdge writes them: CA and certificate as PEM, the key as a SEC1
/// "EC PRIVATE KEY" PEM with mode 0600; each file replaced atomically.
/// </summary>
public static class EdgeCertificateStore
{
    /// <summary>The stored credentials, or null when a file is missing or unreadable.</summary>
    public static EdgeCredentials? TryLoad(EdgeCertificateOptions options)
    {
        if (!File.Exists(options.CaFile) || !File.Exists(options.CertFile) || !File.Exists(options.KeyFile))
        {
            return null;
        }

        try
        {
            var ca = X509Certificate2.CreateFromPem(File.ReadAllText(options.CaFile));
            using var key = ECDsa.Create();
            key.ImportFromPem(File.ReadAllText(options.KeyFile));
            using var plain = X509Certificate2.CreateFromPem(File.ReadAllText(options.CertFile));
            return new EdgeCredentials(plain.CopyWithPrivateKey(key), ca);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            return null;
        }
    }

    public static void SaveCa(string path, X509Certificate2 ca) => Write(path, Pem("CERTIFICATE", ca.RawData), secret: false);

    public static void SaveCertificate(EdgeCertificateOptions options, X509Certificate2 certificate, ECDsa key)
    {
        Write(options.KeyFile, key.ExportECPrivateKeyPem(), secret: true);
        Write(options.CertFile, Pem("CERTIFICATE", certificate.RawData), secret: false);
    }

    private static string Pem(string label, byte[] der) => new(PemEncoding.Write(label, der));

    private static void Write(string path, string content, bool secret)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (secret && !OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temp, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(content);
        }

        File.Move(temp, path, overwrite: true);
    }
}
