using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace LearningPortal.Web.Infrastructure;

/// <summary>
/// How the data-protection keys (kept in the database) are protected at rest (section "DataProtection"): encrypted
/// with a certificate's RSA key, so that a copy of the database or a backup alone cannot forge sign-in cookies or read
/// protected payloads. Required in Production (docs/configuration.md says how to make and rotate the certificate).
/// </summary>
public sealed class KeyProtectionOptions
{
    public const string Section = "DataProtection";

    /// <summary>The certificate that encrypts new keys: a PKCS#12 file (.pfx/.p12) or a PEM certificate.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The PKCS#12 file's password, or the encrypted PEM private key's.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>The PEM private key, when <see cref="CertificatePath"/> is a PEM certificate without its key inside.</summary>
    public string? CertificateKeyPath { get; set; }

    /// <summary>During a rotation: the certificate that encrypted the existing keys, still needed to read them.</summary>
    public string? PreviousCertificatePath { get; set; }

    /// <summary>The previous certificate's password (PKCS#12 or encrypted PEM key).</summary>
    public string? PreviousCertificatePassword { get; set; }

    /// <summary>The previous certificate's PEM private key, when kept apart from it.</summary>
    public string? PreviousCertificateKeyPath { get; set; }

    /// <summary>
    /// Production only: true lets the site start without a certificate, keeping the keys unencrypted in the database
    /// (for a trial; anyone who can read the database can then forge sign-in cookies).
    /// </summary>
    public bool AllowUnprotectedKeys { get; set; }
}

public static class KeyProtection
{
    /// <summary>
    /// Protects the keys with the configured certificate (and reads keys protected with the previous one). Without a
    /// certificate, Production refuses to start unless <see cref="KeyProtectionOptions.AllowUnprotectedKeys"/> is set;
    /// other environments (Development, the tests' "Testing") keep the keys unencrypted.
    /// </summary>
    public static IDataProtectionBuilder ProtectKeysAtRest(this IDataProtectionBuilder builder, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(KeyProtectionOptions.Section).Get<KeyProtectionOptions>() ?? new KeyProtectionOptions();
        if (string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            if (environment.IsProduction() && !options.AllowUnprotectedKeys)
            {
                throw new InvalidOperationException(
                    "The data-protection keys must be protected at rest in Production: set DataProtection:CertificatePath " +
                    "(a .pfx with DataProtection:CertificatePassword, or a PEM certificate with DataProtection:CertificateKeyPath) " +
                    "to a certificate with an RSA private key; docs/configuration.md says how to make one. " +
                    "To run without (the keys stay unencrypted in the database), set DataProtection:AllowUnprotectedKeys=true.");
            }

            return builder;
        }

        var current = Load(options.CertificatePath, options.CertificatePassword, options.CertificateKeyPath, environment.ContentRootPath);
        builder.ProtectKeysWithCertificate(current);
        // Decryption looks the certificate up by thumbprint: given here, it need not be in the machine's certificate
        // store (there is none to speak of in a container).
        List<X509Certificate2> readers = [current];
        if (!string.IsNullOrWhiteSpace(options.PreviousCertificatePath))
        {
            // Keys made before the rotation stay encrypted with the previous certificate until they expire (90 days).
            readers.Add(Load(options.PreviousCertificatePath, options.PreviousCertificatePassword, options.PreviousCertificateKeyPath, environment.ContentRootPath));
        }

        builder.UnprotectKeysWithAnyCertificate([.. readers]);
        return builder;
    }

    /// <summary>Loads a certificate with its private key from a PKCS#12 file or PEM files; a relative path is under the content root.</summary>
    public static X509Certificate2 Load(string path, string? password, string? keyPath, string contentRoot)
    {
        path = Path.GetFullPath(path, contentRoot);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"The data-protection certificate {path} does not exist.");
        }

        X509Certificate2 certificate;
        try
        {
            if (!string.IsNullOrWhiteSpace(keyPath))
            {
                keyPath = Path.GetFullPath(keyPath, contentRoot);
                certificate = string.IsNullOrEmpty(password)
                    ? X509Certificate2.CreateFromPemFile(path, keyPath)
                    : X509Certificate2.CreateFromEncryptedPemFile(path, password, keyPath);
            }
            else if (IsPem(path))
            {
                certificate = string.IsNullOrEmpty(password)
                    ? X509Certificate2.CreateFromPemFile(path)
                    : X509Certificate2.CreateFromEncryptedPemFile(path, password);
            }
            else
            {
                certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
            }
        }
        catch (CryptographicException e)
        {
            throw new InvalidOperationException($"The data-protection certificate {path} could not be read (wrong password, or not a certificate with its private key): {e.Message}", e);
        }

        using var rsa = certificate.GetRSAPrivateKey();
        if (rsa is null)
        {
            certificate.Dispose();
            throw new InvalidOperationException($"The data-protection certificate {path} has no RSA private key: the keys are encrypted with RSA.");
        }

        return certificate;
    }

    private static bool IsPem(string path)
    {
        // PEM is text ("-----BEGIN CERTIFICATE-----", possibly after openssl's "Bag Attributes"); PKCS#12 is binary DER.
        var start = new byte[4096];
        using var file = File.OpenRead(path);
        var read = file.Read(start);
        return System.Text.Encoding.ASCII.GetString(start[..read]).Contains("-----BEGIN", StringComparison.Ordinal);
    }
}
