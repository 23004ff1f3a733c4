using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace LearningPortal.Tests.Fleet;

/// <summary>
/// Throwaway certificates for data-protection key protection (DataProtection:CertificatePath), as an operator makes
/// with openssl (docs/configuration.md): self-signed, RSA, written to a temporary folder.
/// </summary>
public static class TestCertificates
{
    public const string Password = "throwaway-test-password";

    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "lp-tests", "certificates");

    /// <summary>A PKCS#12 file (certificate and private key) protected with <see cref="Password"/>.</summary>
    public static string CreatePfx(string name = "data-protection")
    {
        using var certificate = Create(name);
        var path = NewPath(name, ".pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, Password));
        return path;
    }

    /// <summary>A PEM certificate and its unencrypted PEM private key, in two files.</summary>
    public static (string Certificate, string Key) CreatePem(string name = "data-protection")
    {
        using var certificate = Create(name);
        using var rsa = certificate.GetRSAPrivateKey()!;
        var path = NewPath(name, ".crt");
        var key = Path.ChangeExtension(path, ".key");
        File.WriteAllText(path, certificate.ExportCertificatePem());
        File.WriteAllText(key, rsa.ExportPkcs8PrivateKeyPem());
        return (path, key);
    }

    /// <summary>A PEM certificate without its private key: what an operator may copy by mistake.</summary>
    public static string CreatePublicOnly(string name = "public-only")
    {
        using var certificate = Create(name);
        var path = NewPath(name, ".crt");
        File.WriteAllText(path, certificate.ExportCertificatePem());
        return path;
    }

    private static X509Certificate2 Create(string name)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN=LearningPortal {name}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));
    }

    private static string NewPath(string name, string extension)
    {
        Directory.CreateDirectory(Folder);
        return Path.Combine(Folder, $"{name}-{Guid.NewGuid():N}{extension}");
    }
}
