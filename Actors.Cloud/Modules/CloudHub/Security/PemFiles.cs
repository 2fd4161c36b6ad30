using System.Security.Cryptography.X509Certificates;

namespace Actors.Cloud.Modules.CloudHub.Security;

/// <summary>Reads and atomically writes certificate and key files; private material is created with mode 0600.</summary>
public static class PemFiles
{
    /// <summary>Writes via a temporary file and a rename, so a crash never leaves half a file.</summary>
    public static void WriteAtomic(string path, string content, bool secret)
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

    /// <summary>Loads a certificate from PEM or DER.</summary>
    public static X509Certificate2 LoadCertificate(string path)
    {
        var bytes = File.ReadAllBytes(path);
        return bytes.Length > 0 && bytes[0] == (byte)'-'
            ? X509Certificate2.CreateFromPem(File.ReadAllText(path))
            : X509CertificateLoader.LoadCertificate(bytes);
    }

    /// <summary>The certificate as a PEM "CERTIFICATE" block.</summary>
    public static string CertificatePem(X509Certificate2 certificate) =>
        new(System.Security.Cryptography.PemEncoding.Write("CERTIFICATE", certificate.RawData));
}
