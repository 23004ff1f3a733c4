using System.Text;
using System.Text.RegularExpressions;

namespace LearningPortal.Core.Content.Import;

/// <summary>
/// Builds the editor's Markdown from a document's runs of text: escapes what Markdown would read as syntax, marks
/// bold and italic, and keeps a link only when its address passes the editor's scheme rules (http, https, mailto, tel,
/// or an address on this site); any other link (javascript:, data:, file:) is kept as its text alone.
/// </summary>
public sealed partial class InlineMarkdown
{
    private readonly StringBuilder markdown = new();
    private readonly StringBuilder text = new();

    public string Markdown => markdown.ToString().Trim();

    public string Text => Spaces().Replace(text.ToString(), " ").Trim();

    public bool IsEmpty => text.ToString().Trim().Length == 0;

    /// <summary>Appends a run; whitespace at its edges stays outside the emphasis markers so the Markdown stays valid.</summary>
    public void Append(string run, bool bold = false, bool italic = false, string? link = null)
    {
        if (run.Length == 0)
        {
            return;
        }

        text.Append(run);
        var core = run.Trim();
        if (core.Length == 0)
        {
            markdown.Append(' ');
            return;
        }

        var lead = run[..run.IndexOf(core[0])];
        var trail = run[(run.LastIndexOf(core[^1]) + 1)..];
        var escaped = Escape(core);
        if (bold && italic)
        {
            escaped = $"***{escaped}***";
        }
        else if (bold)
        {
            escaped = $"**{escaped}**";
        }
        else if (italic)
        {
            escaped = $"*{escaped}*";
        }

        if (SafeLink(link) is { } href)
        {
            escaped = $"[{escaped}](<{href}>)";
        }

        markdown.Append(Spaces().Replace(lead, " ")).Append(escaped).Append(Spaces().Replace(trail, " "));
    }

    /// <summary>Text escaped so Markdown shows it as written: no emphasis, links, HTML or code from stray characters.</summary>
    public static string Escape(string value)
    {
        var sb = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (c is '\\' or '*' or '_' or '[' or ']' or '`' or '<' or '>' or '|' or '~')
            {
                sb.Append('\\');
            }

            sb.Append(c is '\t' or '\u00A0' ? ' ' : c);
        }

        var escaped = sb.ToString();
        // A paragraph that starts like a heading, list or quote would change its kind.
        return BlockStart().Replace(escaped, m => m.Groups["num"].Success ? m.Groups["num"].Value + "\\" + m.Groups["dot"].Value : "\\" + m.Value);
    }

    /// <summary>The address if it keeps the editor's rules, else null: the same schemes the sanitiser lets through.</summary>
    public static string? SafeLink(string? href)
    {
        if (string.IsNullOrWhiteSpace(href))
        {
            return null;
        }

        href = href.Trim();
        if (href.Any(c => char.IsControl(c) || c is '<' or '>' or ' '))
        {
            return null;
        }

        if (href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal))
        {
            return href;
        }

        return Uri.TryCreate(href, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "mailto" or "tel" ? uri.OriginalString : null;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^(?:(?<num>\d{1,9})(?<dot>[.)])(?=\s)|#|[-+](?=\s)|=)")]
    private static partial Regex BlockStart();
}
