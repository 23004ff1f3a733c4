using System.Text;

namespace LearningPortal.Search.Lucene;

/// <summary>
/// What someone typed, read forgivingly: "quoted phrases" and words, nothing else special. Operators,
/// wildcards, field names, brackets and escapes are just characters that the analyzer drops, so no input
/// can make a query fail; a lone quote is ignored and very long input is cut.
/// </summary>
internal sealed record UserText(string Text, IReadOnlyList<UserTextPart> Parts, bool Shortened)
{
    public static UserText Empty { get; } = new("", [], false);

    public static UserText Parse(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return Empty;
        }

        var trimmed = raw.Trim();
        var shortened = trimmed.Length > SearchQuery.MaxTextLength;
        if (shortened)
        {
            var cut = SearchQuery.MaxTextLength;
            if (char.IsHighSurrogate(trimmed[cut - 1]))
            {
                cut--;
            }

            trimmed = trimmed[..cut];
        }

        var text = Normalise(trimmed);
        var parts = new List<UserTextPart>();
        var quotes = text.Count(c => c == '"');
        var segments = text.Split('"');
        for (var i = 0; i < segments.Length; i++)
        {
            // Segments alternate outside and inside quotes; a final unpaired quote opens nothing.
            var insideQuotes = i % 2 == 1 && (i < segments.Length - 1 || quotes % 2 == 0);
            if (insideQuotes)
            {
                if (!string.IsNullOrWhiteSpace(segments[i]))
                {
                    parts.Add(new UserTextPart(segments[i].Trim(), IsPhrase: true));
                }
            }
            else
            {
                parts.AddRange(segments[i].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(w => new UserTextPart(w, IsPhrase: false)));
            }
        }

        if (parts.Count > SearchQuery.MaxWords)
        {
            parts = parts[..SearchQuery.MaxWords];
            shortened = true;
        }

        return new UserText(text.Trim(), parts, shortened);
    }

    private static string Normalise(string raw)
    {
        var sb = new StringBuilder(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (char.IsHighSurrogate(c) && i + 1 < raw.Length && char.IsLowSurrogate(raw[i + 1]))
            {
                sb.Append(c).Append(raw[++i]);
                continue;
            }

            sb.Append(c switch
            {
                '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' => '"',
                _ when char.IsControl(c) || char.IsSurrogate(c) => ' ',
                _ => c,
            });
        }

        // Lone surrogates are gone, so normalisation cannot fail.
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }
}

internal sealed record UserTextPart(string Text, bool IsPhrase);
