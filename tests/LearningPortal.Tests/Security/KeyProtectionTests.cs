using System.Security.Cryptography.X509Certificates;
using LearningPortal.Tests.Fleet;
using LearningPortal.Web.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;

namespace LearningPortal.Tests.Security;

/// <summary>A host whose data-protection keys are protected with a certificate, optionally on another host's database.</summary>
public sealed class KeyProtectedSite(string? certificate, TestDatabase? shared = null, string? previousCertificate = null) : PortalFactory
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => shared is null ? base.CreateDatabaseAsync() : Task.FromResult(shared.Borrow());

    protected override IDictionary<string, string?> ExtraSettings
    {
        get
        {
            var settings = base.ExtraSettings;
            if (certificate is not null)
            {
                settings["DataProtection:CertificatePath"] = certificate;
                settings["DataProtection:CertificatePassword"] = TestCertificates.Password;
            }

            if (previousCertificate is not null)
            {
                settings["DataProtection:PreviousCertificatePath"] = previousCertificate;
                settings["DataProtection:PreviousCertificatePassword"] = TestCertificates.Password;
            }

            return settings;
        }
    }
}

/// <summary>
/// The data-protection keys (which sign the sign-in cookies) are stored in the database encrypted with the configured
/// certificate: instances with the certificate read each other's cookies, a copy of the database without it reads none.
/// </summary>
public class KeyProtectionTests
{
    [Fact]
    public async Task Keys_are_stored_encrypted_and_only_hosts_with_the_certificate_read_each_others_cookies()
    {
        var certificate = TestCertificates.CreatePfx();
        var other = TestCertificates.CreatePfx("other");
        await using var one = new KeyProtectedSite(certificate);
        await one.InitializeAsync();
        var user = await one.CreateUserAsync(TestUsers.UniqueEmail("keys"));
        using var signedIn = one.CreatePortalClient();
        await signedIn.SignInAsync(user.Email!);

        // Stored encrypted to this certificate: no master key in the clear.
        var keys = await one.WithScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().DataProtectionKeys.AsNoTracking().Select(k => k.Xml!).ToListAsync());
        Assert.NotEmpty(keys);
        using var loaded = X509CertificateLoader.LoadPkcs12FromFile(certificate, TestCertificates.Password);
        Assert.All(keys, xml =>
        {
            Assert.Contains("<encryptedSecret", xml, StringComparison.Ordinal);
            Assert.Contains(Convert.ToBase64String(loaded.RawData), xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        });

        var cookie = string.Join("; ", signedIn.Cookies.Select(c => $"{c.Key}={c.Value}"));
        await using (var two = new KeyProtectedSite(certificate, one.Database))
        {
            await two.InitializeAsync();
            Assert.Equal(HttpStatusCode.OK, await AccountStatusAsync(two, cookie));
        }

        // A rotation: the new certificate, and the previous one to read the keys made before.
        await using (var rotated = new KeyProtectedSite(other, one.Database, previousCertificate: certificate))
        {
            await rotated.InitializeAsync();
            Assert.Equal(HttpStatusCode.OK, await AccountStatusAsync(rotated, cookie));
        }

        // The same database without the certificate: the keys cannot be read, so neither can the cookie.
        await using (var stranger = new KeyProtectedSite(other, one.Database))
        {
            await stranger.InitializeAsync();
            Assert.Equal(HttpStatusCode.Redirect, await AccountStatusAsync(stranger, cookie));
        }
    }

    [Fact]
    public void Production_refuses_to_start_without_a_certificate_unless_told_to()
    {
        var missing = Assert.Throws<InvalidOperationException>(() => Protect("Production", []));
        Assert.Contains("DataProtection:CertificatePath", missing.Message, StringComparison.Ordinal);

        // Allowed explicitly, and outside Production (Development, the tests), the keys stay unencrypted.
        Protect("Production", new() { ["DataProtection:AllowUnprotectedKeys"] = "true" });
        Protect("Development", []);
    }

    [Fact]
    public void A_missing_unreadable_or_keyless_certificate_stops_the_start_with_a_clear_message()
    {
        var absent = Path.Combine(Path.GetTempPath(), "lp-tests", "no-such-certificate.pfx");
        var notThere = Assert.Throws<InvalidOperationException>(() => Protect("Production", new() { ["DataProtection:CertificatePath"] = absent }));
        Assert.Contains($"{absent} does not exist", notThere.Message, StringComparison.Ordinal);

        var pfx = TestCertificates.CreatePfx();
        var wrongPassword = Assert.Throws<InvalidOperationException>(() => Protect("Production", new()
        {
            ["DataProtection:CertificatePath"] = pfx,
            ["DataProtection:CertificatePassword"] = "not the password",
        }));
        Assert.Contains("could not be read", wrongPassword.Message, StringComparison.Ordinal);

        var publicOnly = TestCertificates.CreatePublicOnly();
        var noKey = Assert.Throws<InvalidOperationException>(() => Protect("Production", new() { ["DataProtection:CertificatePath"] = publicOnly }));
        Assert.Contains(publicOnly, noKey.Message, StringComparison.Ordinal);

        var wrongPrevious = Assert.Throws<InvalidOperationException>(() => Protect("Production", new()
        {
            ["DataProtection:CertificatePath"] = pfx,
            ["DataProtection:CertificatePassword"] = TestCertificates.Password,
            ["DataProtection:PreviousCertificatePath"] = absent,
        }));
        Assert.Contains($"{absent} does not exist", wrongPrevious.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pem_certificate_with_its_key_beside_it_protects_the_keys()
    {
        var (certificate, key) = TestCertificates.CreatePem();
        var services = new ServiceCollection();
        services.AddLogging();
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "lp-tests", "keys-" + Guid.NewGuid().ToString("N")));
        services.AddDataProtection().PersistKeysToFileSystem(folder).ProtectKeysAtRest(Configuration(new()
        {
            ["DataProtection:CertificatePath"] = certificate,
            ["DataProtection:CertificateKeyPath"] = key,
        }), Environment("Production"));
        await using var provider = services.BuildServiceProvider();

        var protector = provider.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");
        Assert.Equal("round trip", protector.Unprotect(protector.Protect("round trip")));
        var xml = await File.ReadAllTextAsync(Assert.Single(folder.GetFiles("*.xml")).FullName);
        Assert.Contains("<encryptedSecret", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
    }

    private static async Task<HttpStatusCode> AccountStatusAsync(PortalFactory site, string cookie)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = site.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account");
        request.Headers.Add("Cookie", cookie);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    private static void Protect(string environment, Dictionary<string, string?> settings) =>
        new ServiceCollection().AddDataProtection().ProtectKeysAtRest(Configuration(settings), Environment(environment));

    private static IConfiguration Configuration(Dictionary<string, string?> settings) => new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

    private static HostingEnvironment Environment(string name) => new() { EnvironmentName = name, ContentRootPath = Path.GetTempPath() };
}
