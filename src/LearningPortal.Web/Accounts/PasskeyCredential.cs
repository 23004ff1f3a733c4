using System.Text.Json;

namespace LearningPortal.Web.Accounts;

/// <summary>
/// A first look at the WebAuthn JSON that passkeys.js posts (the browser's <c>PublicKeyCredential.toJSON()</c>), before
/// Identity parses it: Identity's parser throws on JSON that is not a credential, which would answer 500. What a real
/// browser sends is a single JSON object of a few kilobytes with a credential id and a response; anything else is a
/// malformed request (400), and nothing is saved.
/// </summary>
public static class PasskeyCredential
{
    /// <summary>Far above a real credential (attestation with a certificate chain is under 16 KB), far below abuse.</summary>
    public const int MaximumLength = 64 * 1024;

    public const string MalformedMessage = "Your passkey could not be read. Try again, or use another way to sign in";

    public static bool IsWellFormed(string? json)
    {
        if (string.IsNullOrEmpty(json) || json.Length > MaximumLength)
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 });
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                && root.TryGetProperty("rawId", out var rawId) && rawId.ValueKind == JsonValueKind.String
                && root.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String
                && root.TryGetProperty("response", out var response) && response.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
