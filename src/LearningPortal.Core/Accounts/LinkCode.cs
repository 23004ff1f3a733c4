using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace LearningPortal.Core.Accounts;

/// <summary>
/// Identity's tokens travel in email links Base64Url-encoded, so that nothing in them needs escaping in a
/// URL or gets mangled by mail clients.
/// </summary>
public static class LinkCode
{
    public static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    /// <summary>The token in a link's code, or null when the code is missing or not Base64Url.</summary>
    public static string? Decode(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
