using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace LearningPortal.Core.Content.Fields;

/// <summary>Addresses of documents: lower-case words joined by hyphens.</summary>
public static partial class Slugs
{
    public const int MaxLength = 100;

    /// <summary>Top-level addresses the site itself uses; a page cannot take them.</summary>
    public static IReadOnlySet<string> Reserved { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "learning", "toolkit", "strategy", "training", "supervision", "search", "feedback", "account", "manage",
        "media", "cookies", "health", "error", "sitemap.xml", "robots.txt", "lib", "themes", "js", "css", "api", "content",
    };

    public static bool IsValid(string? slug) => slug is { Length: > 0 and <= MaxLength } && Pattern().IsMatch(slug);

    /// <summary>Makes a slug from a title: "7-minute briefing: Neglect (2021)" becomes "7-minute-briefing-neglect-2021".</summary>
    public static string FromTitle(string title)
    {
        var normalised = title.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder();
        foreach (var c in normalised)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            sb.Append(char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-');
        }

        var slug = Dashes().Replace(sb.ToString(), "-").Trim('-');
        if (slug.Length > MaxLength)
        {
            slug = slug[..MaxLength].TrimEnd('-');
        }

        return slug.Length == 0 ? "untitled" : slug;
    }

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex Pattern();

    [GeneratedRegex("-{2,}")]
    private static partial Regex Dashes();
}
