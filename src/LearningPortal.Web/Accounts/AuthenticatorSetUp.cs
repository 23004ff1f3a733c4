using System.Text;
using LearningPortal.Web.Themes;
using Microsoft.AspNetCore.Identity;
using QRCoder;

namespace LearningPortal.Web.Accounts;

/// <summary>What an authenticator app needs to be set up: the shared key, for typing in, and the same as a QR code.</summary>
public sealed record AuthenticatorKey(string FormattedKey, string QrCodeDataUri);

/// <summary>
/// Setting up an authenticator app (TOTP, RFC 6238, as Identity's authenticator token provider checks it): the key,
/// the otpauth URI and its QR code, checking the first code and recovery codes.
/// </summary>
public class AuthenticatorSetUp(UserManager<PortalUser> users, Theme theme)
{
    public const int RecoveryCodeCount = 10;

    /// <summary>The account's authenticator key, creating one the first time. Creating one changes the security stamp.</summary>
    public async Task<(AuthenticatorKey Key, bool Created)> GetOrCreateKeyAsync(PortalUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        var created = string.IsNullOrEmpty(key);
        if (created)
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }

        return (new AuthenticatorKey(FormatKey(key!), QrCode(OtpAuthUri(user.Email ?? user.UserName ?? "", key!))), created);
    }

    /// <summary>Whether the code is what the authenticator shows now (Identity allows the neighbouring 30-second steps too).</summary>
    public Task<bool> IsCurrentCodeAsync(PortalUser user, string code) =>
        users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, NormaliseCode(code));

    public async Task<IReadOnlyList<string>> NewRecoveryCodesAsync(PortalUser user) =>
        (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];

    /// <summary>People copy codes with spaces or hyphens ("123 456").</summary>
    public static string NormaliseCode(string code) =>
        new(code.Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());

    /// <summary>Groups of four, lower case, as authenticator apps show keys typed in by hand.</summary>
    public static string FormatKey(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            text.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return text.ToString().TrimEnd().ToLowerInvariant();
    }

    public string OtpAuthUri(string account, string key)
    {
        var issuer = Uri.EscapeDataString(theme.ShortName.Length > 0 ? theme.ShortName + " " + theme.ServiceName : theme.ServiceName);
        return $"otpauth://totp/{issuer}:{Uri.EscapeDataString(account)}?secret={key}&issuer={issuer}&digits=6";
    }

    private static string QrCode(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(5);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
