namespace LearningPortal.Core.Accounts;

/// <summary>
/// Names a browser and device from its user agent in words a person recognises ("Chrome on Windows", "Safari on
/// iPhone"), for the list of signed-in sessions and the new-browser email. A best effort: user agents can say anything.
/// </summary>
public static class BrowserDescription
{
    public const string Unknown = "An unknown browser";

    public static string From(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return Unknown;
        }

        var browser = BrowserName(userAgent);
        var device = DeviceName(userAgent);
        return (browser, device) switch
        {
            (null, null) => Unknown,
            (null, _) => $"A browser on {device}",
            (_, null) => browser,
            _ => $"{browser} on {device}",
        };
    }

    // Order matters: Edge and Opera also say Chrome, Chrome also says Safari.
    private static string? BrowserName(string ua) =>
        Has(ua, "Edg/") || Has(ua, "EdgA/") || Has(ua, "EdgiOS/") ? "Edge"
        : Has(ua, "OPR/") || Has(ua, "Opera") ? "Opera"
        : Has(ua, "SamsungBrowser/") ? "Samsung Internet"
        : Has(ua, "Firefox/") || Has(ua, "FxiOS/") ? "Firefox"
        : Has(ua, "HeadlessChrome/") ? "Chrome (headless)"
        : Has(ua, "Chrome/") || Has(ua, "CriOS/") || Has(ua, "Chromium/") ? "Chrome"
        : Has(ua, "Safari/") && Has(ua, "Version/") ? "Safari"
        : Has(ua, "curl/") ? "curl"
        : null;

    private static string? DeviceName(string ua) =>
        Has(ua, "iPhone") ? "iPhone"
        : Has(ua, "iPad") ? "iPad"
        : Has(ua, "Android") ? "Android"
        : Has(ua, "Windows") ? "Windows"
        : Has(ua, "Mac OS X") || Has(ua, "Macintosh") ? "Mac"
        : Has(ua, "CrOS") ? "Chromebook"
        : Has(ua, "Linux") ? "Linux"
        : null;

    private static bool Has(string ua, string part) => ua.Contains(part, StringComparison.OrdinalIgnoreCase);
}
