using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using LearningPortal.Core.Content.Fields;

namespace LearningPortal.Core.Content.Import;

/// <summary>
/// Turns a read document's blocks into a typed draft: finds the title, splits the document at the headings
/// <see cref="SectionHeadings"/> knows, puts each section in its field, picks the partnership, audit date, sample and
/// themes out of the text, and puts everything that has no field into the body, so nothing is dropped. It decides the
/// type (learning briefing, strategy or page) and a briefing's format unless the Editor chose the type.
/// </summary>
public static partial class BriefingMapper
{
    private sealed class Section(string? heading, int level, ImportSection kind)
    {
        public string? Heading { get; } = heading;
        public int Level { get; } = level;
        public ImportSection Kind { get; } = kind;
        public List<ImportBlock> Blocks { get; } = [];
        public HashSet<ImportBlock> Used { get; } = new(ReferenceEqualityComparer.Instance);
    }

    /// <param name="read">What the reader found.</param>
    /// <param name="type">The type the Editor chose, or null to decide from the document.</param>
    /// <param name="fileName">The uploaded file's name (a title of last resort).</param>
    /// <param name="originalLink">Markdown link to the original file in the media library, added to the draft.</param>
    public static ImportProposal Map(ReadDocument read, DocumentType? type, string fileName, string? originalLink)
    {
        var blocks = read.Blocks;
        var (title, titleSource) = FindTitle(read, fileName);
        var sections = Split(blocks, title);
        var allText = string.Join("\n", blocks.Select(b => b.Text));
        var chosen = type ?? DecideType(sections, title);
        var sources = new List<FieldSource>
        {
            new(nameof(DocumentFields.Title), "Title", titleSource.Status, titleSource.Heading, titleSource.Note),
        };
        var body = new StringBuilder();
        DocumentFields fields = chosen switch
        {
            DocumentType.LearningBriefing => MapBriefing(sections, allText, title, sources),
            DocumentType.Strategy => MapStrategy(sections, allText, sources),
            _ => DocumentTypes.NewFields(chosen),
        };
        fields.Title = title.Length > DocumentFields.TitleMaxLength ? title[..DocumentFields.TitleMaxLength].Trim() : title;
        fields.Summary = Summary(sections, chosen, sources);

        foreach (var section in sections)
        {
            var rest = section.Blocks.Where(b => !section.Used.Contains(b)).ToList();
            if (rest.Count == 0)
            {
                continue;
            }

            if (section.Heading is not null && section.Kind != ImportSection.FormatMarker)
            {
                Append(body, "## " + InlineMarkdown.Escape(section.Heading));
            }

            Append(body, MarkdownOf(rest, section.Level));
        }

        if (originalLink is not null)
        {
            var link = $"[Download the original briefing]({originalLink})";
            if (fields is LearningBriefingFields briefing)
            {
                briefing.RelatedResources = string.IsNullOrWhiteSpace(briefing.RelatedResources) ? link : briefing.RelatedResources + "\n\n" + link;
            }
            else
            {
                Append(body, link);
            }
        }

        var bodyText = body.ToString().Trim();
        sources.Add(new FieldSource("Body", "Body", bodyText.Length > 0 ? FieldStatus.Check : FieldStatus.NotFound, null,
            bodyText.Length > 0 ? "Everything that has no field of its own is here, under its heading: check nothing needs moving" : null));
        var notes = read.Notes.ToList();
        if (read.Images.Count > 0)
        {
            var one = read.Images.Count == 1;
            notes.Add($"{read.Images.Count} {(one ? "image was" : "images were")} found. {(one ? "It is" : "Each is")} marked in the body where it stood, as {ImportImages.Placeholder(1)}. Under the body, give {(one ? "it" : "each one")} alt text or leave it out: images go into the media library only when you save the draft.");
        }

        return new ImportProposal(fields, bodyText, Slugs.FromTitle(fields.Title), sources, notes, read.Images);
    }

    private static (string Title, FieldSource Source) FindTitle(ReadDocument read, string fileName)
    {
        // The largest heading before the first section heading, not a format marker ("7 minute briefing").
        var lead = new List<ImportBlock>();
        foreach (var block in read.Blocks.Take(40))
        {
            if (block.Kind == BlockKind.Heading && SectionHeadings.Match(block.Text) is not ImportSection.None and not ImportSection.FormatMarker)
            {
                break;
            }

            lead.Add(block);
        }

        var candidate = lead.Where(b => b.Kind == BlockKind.Heading && SectionHeadings.Match(b.Text) == ImportSection.None && b.Text.Length >= 4)
            .OrderBy(b => b.Level).FirstOrDefault();
        if (candidate is not null)
        {
            return (Tidy(candidate.Text), new FieldSource("Title", "Title", FieldStatus.Found, candidate.Text, "The largest heading at the start of the document"));
        }

        if (!string.IsNullOrWhiteSpace(read.Title) && !read.Title.Contains("Microsoft Word", StringComparison.OrdinalIgnoreCase))
        {
            return (Tidy(read.Title), new FieldSource("Title", "Title", FieldStatus.Check, null, "Taken from the file's properties"));
        }

        var first = read.Blocks.FirstOrDefault(b => b.Kind == BlockKind.Paragraph && b.Text.Length is >= 4 and <= 120);
        if (first is not null)
        {
            return (Tidy(first.Text), new FieldSource("Title", "Title", FieldStatus.Check, null, "The document has no title heading: its first line was used"));
        }

        var stem = Path.GetFileNameWithoutExtension(fileName).Replace('-', ' ').Replace('_', ' ').Trim();
        return (stem.Length == 0 ? "Imported document" : stem, new FieldSource("Title", "Title", FieldStatus.Check, null, "The document has no title: the file name was used"));
    }

    private static string Tidy(string title) => Spaces().Replace(title, " ").Trim().TrimEnd('.', ':').Trim('\'', '"', '‘', '’', '“', '”').Trim();

    private static List<Section> Split(IReadOnlyList<ImportBlock> blocks, string title)
    {
        var sections = new List<Section> { new(null, 0, ImportSection.None) };
        foreach (var block in blocks)
        {
            var current = sections[^1];
            if (block.Kind != BlockKind.Heading)
            {
                current.Blocks.Add(block);
                continue;
            }

            // The title (repeated at the top of every page on some sheets) is the title, not a section.
            if (Tidy(block.Text).Equals(title, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var kind = SectionHeadings.Match(block.Text);
            if (kind == ImportSection.None && current.Heading is not null && block.Level > current.Level)
            {
                current.Blocks.Add(block);
                continue;
            }

            sections.Add(new Section(block.Text, block.Level, kind));
        }

        return sections.Where(s => s.Heading is not null || s.Blocks.Count > 0).ToList();
    }

    private static DocumentType DecideType(List<Section> sections, string title)
    {
        var kinds = sections.Select(s => s.Kind).ToHashSet();
        if (kinds.Contains(ImportSection.Objectives) && (kinds.Contains(ImportSection.Definition) || title.Contains("strategy", StringComparison.OrdinalIgnoreCase)))
        {
            return DocumentType.Strategy;
        }

        ImportSection[] briefing =
        [
            ImportSection.KeyLinesOfEnquiry, ImportSection.GoodPractice, ImportSection.AreasForDevelopment, ImportSection.Recommendations,
            ImportSection.Questions, ImportSection.WhatToDoNow, ImportSection.FormatMarker, ImportSection.Findings,
        ];
        return briefing.Any(kinds.Contains) ? DocumentType.LearningBriefing : DocumentType.Page;
    }

    private static LearningBriefingFields MapBriefing(List<Section> sections, string allText, string title, List<FieldSource> sources)
    {
        var fields = new LearningBriefingFields();
        var leading = sections.Where(s => s.Kind is ImportSection.None or ImportSection.Introduction or ImportSection.Context or ImportSection.FormatMarker).ToList();
        var leadingText = string.Join("\n", leading.SelectMany(s => s.Blocks).Select(b => b.Text));

        // Partnership and date: from the text, so always "check".
        if (Partnership().Match(allText) is { Success: true } p)
        {
            fields.Partnership = Regex.Replace(p.Value, @"^(?:The|the)\s+", "").Trim();
            sources.Add(new("Partnership", "Partnership", FieldStatus.Check, null, $"Found in the text: \"{fields.Partnership}\""));
        }
        else
        {
            sources.Add(new("Partnership", "Partnership", FieldStatus.NotFound, null, "Enter the partnership that ran the audit"));
        }

        var (date, dateNote) = AuditDate(title + "\n" + leadingText, allText);
        fields.AuditDate = date;
        sources.Add(date is null
            ? new("AuditDate", "Date of the audit", FieldStatus.NotFound, null, "Enter the date of the audit")
            : new("AuditDate", "Date of the audit", FieldStatus.Check, null, dateNote));

        fields.Themes = LearningThemes.All.Where(t => Mentions(title, allText, t)).Select(t => t.Key).ToList();
        sources.Add(fields.Themes.Count > 0
            ? new("Themes", "Themes", FieldStatus.Check, null, "Chosen from the words the document uses")
            : new("Themes", "Themes", FieldStatus.NotFound, null, "Select at least one theme"));

        // Sample: the leading sections first (the numbers there describe the audit), then anywhere.
        fields.SampleFamilies = Count(Families(), leadingText) ?? Count(Families(), allText);
        fields.SampleChildren = Count(Children(), leadingText) ?? Count(Children(), allText);
        sources.Add(new("SampleFamilies", "Families in the sample", fields.SampleFamilies is null ? FieldStatus.NotFound : FieldStatus.Check, null,
            fields.SampleFamilies is null ? null : "Read from a sentence about the sample"));
        sources.Add(new("SampleChildren", "Children in the sample", fields.SampleChildren is null ? FieldStatus.NotFound : FieldStatus.Check, null,
            fields.SampleChildren is null ? null : "Read from a sentence about the sample"));

        // Lists: a section of their own, else a list introduced by a sentence that names them.
        fields.KeyLinesOfEnquiry = ListField(sections, ImportSection.KeyLinesOfEnquiry, KloeCue(), "KeyLinesOfEnquiry", "Key lines of enquiry", sources);
        fields.AgenciesInvolved = ListField(sections, ImportSection.Agencies, AgencyCue(), "AgenciesInvolved", "Agencies involved", sources);

        fields.GoodPractice = Whole(sections, ImportSection.GoodPractice, "GoodPractice", "Good practice", sources);
        fields.AreasForDevelopment = Whole(sections, ImportSection.AreasForDevelopment, "AreasForDevelopment", "Areas for development", sources);
        fields.Conclusion = Whole(sections, ImportSection.Conclusion, "Conclusion", "Conclusion", sources);
        fields.WhatToDoNow = Whole(sections, ImportSection.WhatToDoNow, "WhatToDoNow", "What to do now", sources);
        fields.RelatedResources = Whole(sections, ImportSection.Resources, "RelatedResources", "Related resources", sources);

        RecommendationsAndQuestions(sections, fields, sources);

        var kinds = sections.Select(s => s.Kind).ToHashSet();
        var markers = string.Join(" ", sections.Where(s => s.Kind == ImportSection.FormatMarker).Select(s => SectionHeadings.Normalise(s.Heading!)));
        var lowerTitle = SectionHeadings.Normalise(title);
        fields.Format = markers.Contains("minute briefing", StringComparison.Ordinal) || lowerTitle.Contains("minute briefing", StringComparison.Ordinal) ? BriefingFormat.SevenMinuteBriefing
            : markers.Contains("at a glance", StringComparison.Ordinal) || lowerTitle.Contains("at a glance", StringComparison.Ordinal)
              || (fields.Recommendations.Count > 0 && fields.Recommendations.All(r => r.QuestionId is not null)) ? BriefingFormat.AtAGlance
            : lowerTitle.Contains("report", StringComparison.Ordinal) || sections.Any(s => s.Kind == ImportSection.Recommendations && SectionHeadings.Normalise(s.Heading!).StartsWith("action plan", StringComparison.Ordinal))
              ? BriefingFormat.AuditReport
            : BriefingFormat.AuditLearningBriefing;
        sources.Add(new("Format", "Format", kinds.Contains(ImportSection.FormatMarker) ? FieldStatus.Found : FieldStatus.Check, null, "Decided from the document's headings and shape"));
        return fields;
    }

    private static StrategyFields MapStrategy(List<Section> sections, string allText, List<FieldSource> sources)
    {
        var fields = new StrategyFields();
        if (Partnership().Match(allText) is { Success: true } p)
        {
            fields.Partnership = Regex.Replace(p.Value, @"^(?:The|the)\s+", "").Trim();
            sources.Add(new("Partnership", "Partnership", FieldStatus.Check, null, $"Found in the text: \"{fields.Partnership}\""));
        }
        else
        {
            sources.Add(new("Partnership", "Partnership", FieldStatus.NotFound));
        }

        fields.Definition = Whole(sections, ImportSection.Definition, "Definition", "Definition", sources);

        var measures = new List<string>();
        string? measuresHeading = null;
        foreach (var section in sections.Where(s => s.Kind == ImportSection.MeasuresOfSuccess))
        {
            measures.AddRange(TopItems(section).Select(b => b.Text));
            measuresHeading ??= section.Heading;
        }

        foreach (var section in sections.Where(s => s.Kind == ImportSection.Objectives))
        {
            StrategyObjective? current = null;
            var description = new List<ImportBlock>();
            var hasSubheadings = section.Blocks.Any(b => b.Kind == BlockKind.Heading && !IntroHeading(b.Text));
            void Close()
            {
                if (current is not null)
                {
                    current.Description = MarkdownOf(description, section.Level);
                    fields.Objectives.Add(current);
                }

                description = [];
            }

            for (var i = 0; i < section.Blocks.Count; i++)
            {
                var block = section.Blocks[i];
                if (block.Kind == BlockKind.Paragraph && MeasuresCue().IsMatch(block.Text) && i + 1 < section.Blocks.Count && section.Blocks[i + 1].Kind == BlockKind.ListItem)
                {
                    // "Evidence that the strategy is succeeding would include:" and its list are the measures of success
                    // (the sentence itself stays in the body).
                    for (i++; i < section.Blocks.Count && section.Blocks[i].Kind == BlockKind.ListItem; i++)
                    {
                        measures.Add(section.Blocks[i].Text);
                        section.Used.Add(section.Blocks[i]);
                    }

                    measuresHeading ??= section.Heading;
                    i--;
                    continue;
                }

                var starts = hasSubheadings
                    ? block.Kind == BlockKind.Heading && !IntroHeading(block.Text)
                    : block.Kind == BlockKind.ListItem && block.Depth == 0;
                if (starts)
                {
                    Close();
                    current = new StrategyObjective { Title = ObjectiveNumber().Replace(block.Text, "").Trim() };
                    section.Used.Add(block);
                }
                else if (current is not null && block.Kind != BlockKind.Image)
                {
                    description.Add(block);
                    section.Used.Add(block);
                }
            }

            Close();
        }

        var objectivesHeading = sections.FirstOrDefault(s => s.Kind == ImportSection.Objectives)?.Heading;
        sources.Add(fields.Objectives.Count > 0
            ? new("Objectives", "Objectives", FieldStatus.Found, objectivesHeading, $"{fields.Objectives.Count} found")
            : new("Objectives", "Objectives", FieldStatus.NotFound, null, "Enter at least one objective"));
        fields.MeasuresOfSuccess = measures;
        sources.Add(measures.Count > 0
            ? new("MeasuresOfSuccess", "Measures of success", measuresHeading is not null && SectionHeadings.Match(measuresHeading) == ImportSection.MeasuresOfSuccess ? FieldStatus.Found : FieldStatus.Check, measuresHeading)
            : new("MeasuresOfSuccess", "Measures of success", FieldStatus.NotFound));

        var review = sections.FirstOrDefault(s => s.Kind == ImportSection.Review);
        var reviewText = review is null ? "" : string.Join(" ", review.Blocks.Select(b => b.Text));
        if (MonthYear().Match(reviewText) is { Success: true } m && MonthNumber(m.Groups["month"].Value) is { } month)
        {
            fields.ReviewDate = new DateOnly(int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture), month, 1);
            sources.Add(new("ReviewDate", "Review date", FieldStatus.Check, review!.Heading, "The document gives a month: the 1st is used"));
        }
        else
        {
            sources.Add(new("ReviewDate", "Review date", FieldStatus.NotFound, review?.Heading, review is null ? null : "The review section gives no date: its text is in the body"));
        }

        return fields;
    }

    private static bool IntroHeading(string text)
    {
        var normalised = SectionHeadings.Normalise(text);
        return normalised.EndsWith("objectives", StringComparison.Ordinal) || normalised.EndsWith("priorities", StringComparison.Ordinal);
    }

    private static void RecommendationsAndQuestions(List<Section> sections, LearningBriefingFields fields, List<FieldSource> sources)
    {
        string? recommendationsHeading = null, questionsHeading = null;
        foreach (var section in sections.Where(s => s.Kind is ImportSection.Recommendations or ImportSection.Questions))
        {
            RecommendationField? unpaired = null;
            foreach (var item in Items(section))
            {
                var text = item.Text.Trim();
                var isQuestion = section.Kind == ImportSection.Questions || (text.EndsWith('?') && unpaired is not null);
                if (isQuestion)
                {
                    var question = new QuestionField { Id = Guid.NewGuid(), Text = Limit(text) };
                    fields.Questions.Add(question);
                    questionsHeading ??= section.Heading;
                    if (section.Kind == ImportSection.Recommendations && unpaired is not null)
                    {
                        unpaired.QuestionId = question.Id;
                        unpaired = null;
                    }
                }
                else
                {
                    unpaired = new RecommendationField { Id = Guid.NewGuid(), Text = Limit(text) };
                    fields.Recommendations.Add(unpaired);
                    recommendationsHeading ??= section.Heading;
                }

                section.Used.Add(item);
            }
        }

        sources.Add(fields.Recommendations.Count > 0
            ? new("Recommendations", "Recommendations", FieldStatus.Found, recommendationsHeading,
                $"{fields.Recommendations.Count} found" + (fields.Recommendations.Any(r => r.QuestionId is not null) ? $", {fields.Recommendations.Count(r => r.QuestionId is not null)} paired with a question for practice" : ""))
            : new("Recommendations", "Recommendations", FieldStatus.NotFound));
        sources.Add(fields.Questions.Count > 0
            ? new("Questions", "Questions for reflection", FieldStatus.Found, questionsHeading, $"{fields.Questions.Count} found")
            : new("Questions", "Questions for reflection", FieldStatus.NotFound));
    }

    private static string Limit(string text) => text.Length <= DocumentFields.LineMaxLength ? text : text[..DocumentFields.LineMaxLength];

    /// <summary>A list section's entries: its top-level list items (with a question right after an item), or, with no list, its paragraphs.</summary>
    private static List<ImportBlock> Items(Section section)
    {
        if (section.Blocks.Any(b => b.Kind == BlockKind.ListItem && b.Depth == 0))
        {
            var items = new List<ImportBlock>();
            for (var i = 0; i < section.Blocks.Count; i++)
            {
                var block = section.Blocks[i];
                if (block.Kind == BlockKind.ListItem && block.Depth == 0)
                {
                    items.Add(block);
                }
                else if (block.Kind is BlockKind.Paragraph or BlockKind.Heading && block.Text.TrimEnd().EndsWith('?') && i > 0 && section.Blocks[i - 1].Kind == BlockKind.ListItem
                    && section.Kind == ImportSection.Recommendations)
                {
                    items.Add(block);
                }
            }

            return items;
        }

        return section.Blocks.Where(b => b.Kind is BlockKind.Paragraph or BlockKind.Heading).ToList();
    }

    private static List<ImportBlock> TopItems(Section section)
    {
        var items = section.Blocks.Where(b => b.Kind == BlockKind.ListItem && b.Depth == 0).ToList();
        if (items.Count == 0)
        {
            items = section.Blocks.Where(b => b.Kind == BlockKind.Paragraph).ToList();
        }

        foreach (var item in items)
        {
            section.Used.Add(item);
        }

        return items;
    }

    private static List<string> ListField(List<Section> sections, ImportSection kind, Regex cue, string key, string label, List<FieldSource> sources)
    {
        var own = sections.Where(s => s.Kind == kind).ToList();
        if (own.Count > 0)
        {
            var items = own.SelectMany(TopItems).Select(b => b.Text).ToList();
            sources.Add(new(key, label, items.Count > 0 ? FieldStatus.Found : FieldStatus.NotFound, own[0].Heading));
            return items;
        }

        // "The audit focused on the following key lines of enquiry:" then a list, inside another section.
        foreach (var section in sections.Where(s => s.Kind is ImportSection.None or ImportSection.Introduction or ImportSection.Context))
        {
            for (var i = 0; i + 1 < section.Blocks.Count; i++)
            {
                // Only a sentence that introduces the list ("...these agencies:") counts, and never a list already taken.
                if (section.Blocks[i].Kind != BlockKind.Paragraph || !cue.IsMatch(section.Blocks[i].Text) || !section.Blocks[i].Text.TrimEnd().EndsWith(':')
                    || section.Blocks[i + 1].Kind != BlockKind.ListItem || section.Used.Contains(section.Blocks[i + 1]))
                {
                    continue;
                }

                var items = new List<string>();
                for (var j = i + 1; j < section.Blocks.Count && section.Blocks[j].Kind == BlockKind.ListItem; j++)
                {
                    if (section.Blocks[j].Depth == 0)
                    {
                        items.Add(section.Blocks[j].Text);
                        section.Used.Add(section.Blocks[j]);
                    }
                }

                sources.Add(new(key, label, FieldStatus.Check, section.Heading, $"The list after \"{Shorten(section.Blocks[i].Text)}\""));
                return items;
            }
        }

        sources.Add(new(key, label, FieldStatus.NotFound));
        return [];
    }

    private static string Whole(List<Section> sections, ImportSection kind, string key, string label, List<FieldSource> sources)
    {
        var own = sections.Where(s => s.Kind == kind).ToList();
        // Images stay in the body, under this section's heading, where the Editor places them on saving.
        foreach (var section in own)
        {
            section.Used.UnionWith(section.Blocks.Where(b => b.Kind != BlockKind.Image));
        }

        var markdown = string.Join("\n\n", own.Select(s => MarkdownOf([.. s.Blocks.Where(b => b.Kind != BlockKind.Image)], s.Level)).Where(m => m.Length > 0));
        sources.Add(new(key, label, markdown.Length > 0 ? FieldStatus.Found : FieldStatus.NotFound, own.FirstOrDefault()?.Heading));
        return markdown;
    }

    private static string Summary(List<Section> sections, DocumentType type, List<FieldSource> sources)
    {
        var from = sections.Where(s => s.Kind is ImportSection.Introduction or ImportSection.Context or ImportSection.None or ImportSection.FormatMarker)
            .SelectMany(s => s.Blocks.Select(b => (Section: s, Block: b)))
            .FirstOrDefault(x => x.Block.Kind == BlockKind.Paragraph && x.Block.Text.Length >= 40);
        if (from.Block is null)
        {
            sources.Add(new("Summary", "Summary", FieldStatus.NotFound, null, type == DocumentType.Page ? null : "Enter one or two sentences for lists and search results"));
            return "";
        }

        var sentences = Sentences().Matches(from.Block.Text).Select(m => m.Value.Trim()).ToList();
        var summary = new StringBuilder();
        foreach (var sentence in sentences)
        {
            if (summary.Length > 0 && summary.Length + sentence.Length + 1 > 300)
            {
                break;
            }

            summary.Append(summary.Length > 0 ? " " : "").Append(sentence);
        }

        var text = summary.Length == 0 ? from.Block.Text : summary.ToString();
        if (text.Length > DocumentFields.SummaryMaxLength)
        {
            text = text[..(DocumentFields.SummaryMaxLength - 3)].TrimEnd() + "...";
        }

        sources.Add(new("Summary", "Summary", FieldStatus.Check, from.Section.Heading, "The first sentences of the introduction: check they summarise the document"));
        return text;
    }

    private static (DateOnly? Date, string Note) AuditDate(string leading, string all)
    {
        foreach (var text in new[] { leading, all })
        {
            foreach (var sentence in Sentences().Matches(text).Select(m => m.Value))
            {
                if (!sentence.Contains("audit", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (MonthYear().Match(sentence) is { Success: true } m && MonthNumber(m.Groups["month"].Value) is { } month)
                {
                    var year = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
                    if (year is >= 1990 and <= 2200)
                    {
                        return (new DateOnly(year, month, 1), $"From \"{Shorten(sentence.Trim())}\": the document gives a month, so the 1st is used");
                    }
                }
            }
        }

        return (null, "");
    }

    private static int? MonthNumber(string name) =>
        DateTime.TryParseExact(name.Length > 3 ? name[..3] : name, "MMM", CultureInfo.GetCultureInfo("en-GB"), DateTimeStyles.None, out var d) ? d.Month : null;

    private static readonly string[] NumberWords =
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"];

    private static int? Count(Regex pattern, string text)
    {
        if (pattern.Match(text) is not { Success: true } m)
        {
            return null;
        }

        var value = m.Groups["n"].Value.ToLowerInvariant();
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : Array.IndexOf(NumberWords, value) is >= 0 and var w ? w : null;
    }

    private static bool Mentions(string title, string text, ContentOption theme)
    {
        var word = theme.Key switch
        {
            "sexual-abuse" => "sexual abuse",
            _ => theme.Name.ToLowerInvariant(),
        };
        if (title.Contains(word, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var count = 0;
        for (var at = text.IndexOf(word, StringComparison.OrdinalIgnoreCase); at >= 0 && count < 3; at = text.IndexOf(word, at + word.Length, StringComparison.OrdinalIgnoreCase))
        {
            count++;
        }

        return count >= 3;
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";

    private static void Append(StringBuilder body, string markdown)
    {
        if (markdown.Length == 0)
        {
            return;
        }

        if (body.Length > 0)
        {
            body.Append("\n\n");
        }

        body.Append(markdown);
    }

    /// <summary>Blocks as the editor's Markdown: sub-headings one level under the section's, lists numbered in order.</summary>
    internal static string MarkdownOf(IReadOnlyList<ImportBlock> blocks, int sectionLevel)
    {
        var sb = new StringBuilder();
        var number = 0;
        ImportBlock? previous = null;
        foreach (var block in blocks)
        {
            var inList = previous?.Kind == BlockKind.ListItem && block.Kind == BlockKind.ListItem;
            if (sb.Length > 0)
            {
                sb.Append(inList ? "\n" : "\n\n");
            }

            switch (block.Kind)
            {
                case BlockKind.Heading:
                    sb.Append(new string('#', Math.Clamp(block.Level - Math.Max(sectionLevel, 1) + 2, 3, 6))).Append(' ').Append(block.Markdown);
                    break;
                case BlockKind.ListItem:
                    number = inList && previous!.Ordered == block.Ordered ? number + 1 : 1;
                    var indent = new string(' ', block.Depth * 4);
                    sb.Append(indent).Append(block.Ordered ? $"{number}. " : "- ").Append(block.Markdown);
                    break;
                default:
                    sb.Append(block.Markdown);
                    break;
            }

            previous = block;
        }

        return sb.ToString().Trim();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"(?:\b(?:The|the)[ \t]+)?(?:[A-Z][\w'’\-]*[ \t]+(?:(?:with|and|of|upon|on)[ \t]+)?){1,4}Safeguarding[ \t]+(?:Children(?:['’]s)?[ \t]+)?(?:Partnership|Board|Executive)")]
    private static partial Regex Partnership();

    [GeneratedRegex(@"\b(?<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b(?:\s*(?:-|–|to)\s*(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?))?\s+(?<year>\d{4})\b")]
    private static partial Regex MonthYear();

    [GeneratedRegex(@"[^.!?\n]+(?:[.!?]+|$)", RegexOptions.Multiline)]
    private static partial Regex Sentences();

    [GeneratedRegex(@"\b(?<n>\d{1,5}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)\s+families\b", RegexOptions.IgnoreCase)]
    private static partial Regex Families();

    [GeneratedRegex(@"\b(?<n>\d{1,5}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)\s+(?:children|child|young people)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Children();

    [GeneratedRegex(@"key lines? of enquir|\bKLOE|lines of enquiry|following questions|following areas", RegexOptions.IgnoreCase)]
    private static partial Regex KloeCue();

    [GeneratedRegex(@"agenc", RegexOptions.IgnoreCase)]
    private static partial Regex AgencyCue();

    [GeneratedRegex(@"succe|measure", RegexOptions.IgnoreCase)]
    private static partial Regex MeasuresCue();

    [GeneratedRegex(@"^\s*(?:objective\s*)?\d{1,2}\s*[.):\-–]?\s+", RegexOptions.IgnoreCase)]
    private static partial Regex ObjectiveNumber();
}
