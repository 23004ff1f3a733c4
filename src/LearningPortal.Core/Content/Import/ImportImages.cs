using System.Globalization;
using System.Text.RegularExpressions;
using LearningPortal.Core.Content.Media;

namespace LearningPortal.Core.Content.Import;

/// <summary>
/// Images in an imported draft. Until the Editor saves, the body holds a placeholder where each image stood
/// (<c>![Image 2](import-image:2)</c>), which the Editor can move or delete like any Markdown; on saving, each placeholder
/// becomes the image's Markdown with its media library address and alt text (<c>![alt](/media/{id}/{key}/{name})</c>), or
/// goes when the Editor left the image out.
/// </summary>
public static partial class ImportImages
{
    /// <summary>The placeholder for an image in the proposed body.</summary>
    public static string Placeholder(int number) => $"![Image {number.ToString(CultureInfo.InvariantCulture)}](import-image:{number.ToString(CultureInfo.InvariantCulture)})";

    /// <summary>The editor's Markdown for an image in the media library: its alt text (escaped, one line) and its address.</summary>
    public static string Markdown(MediaItem item) =>
        $"![{InlineMarkdown.Escape(Spaces().Replace(item.AltText ?? "", " ").Trim())}]({item.Address})";

    /// <summary>The numbers of the placeholders in some Markdown, in order.</summary>
    public static IReadOnlyList<int> Placeholders(string? markdown) =>
        [.. PlaceholderPattern().Matches(markdown ?? "").Select(m => int.Parse(m.Groups[1].ValueSpan, CultureInfo.InvariantCulture))];

    /// <summary>
    /// Puts the images in: each placeholder becomes its image's Markdown (<paramref name="placed"/> by number), or goes
    /// (a left-out image, or a number that is not an image). An image the Editor kept but whose placeholder they deleted
    /// goes at the end, so nothing added to the library is left unused.
    /// </summary>
    public static string Place(string? markdown, IReadOnlyDictionary<int, string> placed)
    {
        var seen = new HashSet<int>();
        var result = PlaceholderPattern().Replace(markdown ?? "", m =>
        {
            var number = int.Parse(m.Groups[1].ValueSpan, CultureInfo.InvariantCulture);
            return placed.TryGetValue(number, out var image) && seen.Add(number) ? image : "";
        });
        var missing = placed.Where(p => !seen.Contains(p.Key)).OrderBy(p => p.Key).Select(p => p.Value).ToList();
        if (missing.Count > 0)
        {
            result = result.TrimEnd() + "\n\n" + string.Join("\n\n", missing);
        }

        // A removed placeholder leaves its blank lines behind.
        return BlankLines().Replace(result, "\n\n").Trim();
    }

    /// <summary>The Markdown without its placeholders: what the editor's checks see before the images exist.</summary>
    public static string ForChecking(string? markdown) => PlaceholderPattern().Replace(markdown ?? "", "");

    [GeneratedRegex(@"!\[[^\]\n]*\]\(import-image:(\d{1,4})\)")]
    private static partial Regex PlaceholderPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\n[ \t]*\n(?:[ \t]*\n)+")]
    private static partial Regex BlankLines();
}
