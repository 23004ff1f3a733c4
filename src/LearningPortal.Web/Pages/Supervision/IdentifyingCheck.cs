using System.Security.Cryptography;
using System.Text;
using LearningPortal.Core.Supervision;

namespace LearningPortal.Web.Pages.Supervision;

/// <summary>A field whose text looks like it identifies someone: its label, the id of its input and the text highlighted.</summary>
public sealed record FlaggedField(string Label, string InputId, string HighlightedHtml, string Text);

/// <summary>
/// The check a supervision form makes before it saves: any field that looks like it holds a date of birth, NHS number,
/// postcode, phone number or email address is shown back, highlighted. It is a warning, not a block: saving the same
/// text again (the fingerprint of what was shown comes back in a hidden field) goes through, so nothing typed is lost
/// and a false alarm costs one more click. Changed text is checked afresh.
/// </summary>
public static class IdentifyingCheck
{
    /// <summary>The fields that look identifying, in form order. <paramref name="fields"/> are (label, field name, text).</summary>
    public static IReadOnlyList<FlaggedField> Find(IEnumerable<(string Label, string FieldName, string? Text)> fields) =>
        fields.Where(f => IdentifyingText.Find(f.Text).Count > 0)
            .Select(f => new FlaggedField(f.Label, TagBuilder.CreateSanitizedId(f.FieldName, "-"), IdentifyingText.Highlight(f.Text), f.Text!))
            .ToList();

    /// <summary>A short fingerprint of the flagged text, so a second save of exactly what was shown is let through.</summary>
    public static string Fingerprint(IReadOnlyList<FlaggedField> flagged) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\0', flagged.Select(f => f.InputId + '\0' + f.Text)))))[..32];

    /// <summary>True when there is something to warn about that the person has not already seen and confirmed.</summary>
    public static bool NeedsWarning(IReadOnlyList<FlaggedField> flagged, string? confirmed) =>
        flagged.Count > 0 && !string.Equals(Fingerprint(flagged), confirmed, StringComparison.Ordinal);
}
