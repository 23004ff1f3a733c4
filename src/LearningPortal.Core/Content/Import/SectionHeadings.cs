using System.Text.RegularExpressions;

namespace LearningPortal.Core.Content.Import;

/// <summary>The parts of a briefing or strategy a heading can introduce.</summary>
public enum ImportSection
{
    /// <summary>Not a heading the importer knows: its section goes to the body.</summary>
    None = 0,
    Introduction,
    Context,
    KeyLinesOfEnquiry,
    Agencies,
    GoodPractice,
    AreasForDevelopment,
    Findings,
    Conclusion,
    Recommendations,
    Questions,
    WhatToDoNow,
    Resources,
    Feedback,
    Definition,
    Objectives,
    MeasuresOfSuccess,
    Review,

    /// <summary>"7 minute briefing", "At a glance": says what the document is, not a part of it.</summary>
    FormatMarker,
}

/// <summary>
/// The headings briefings really use (from the partnership's own publications), each mapped to a section. A heading
/// matches a phrase when, after <see cref="Normalise"/>, it equals it or starts with it; the longest phrase wins.
/// A new synonym is one line here.
/// </summary>
public static partial class SectionHeadings
{
    public static IReadOnlyList<(string Phrase, ImportSection Section)> Phrases { get; } =
    [
        ("introduction", ImportSection.Introduction),
        ("background", ImportSection.Introduction),
        ("purpose", ImportSection.Introduction),
        ("overview", ImportSection.Introduction),
        ("about this briefing", ImportSection.Introduction),
        ("context", ImportSection.Context),
        ("what we did", ImportSection.Context),
        ("about the audit", ImportSection.Context),
        ("the audit", ImportSection.Context),
        ("methodology", ImportSection.Context),
        ("case selection", ImportSection.Context),
        ("the sample", ImportSection.Context),
        ("audit sample", ImportSection.Context),
        ("key lines of enquiry", ImportSection.KeyLinesOfEnquiry),
        ("key lines of enquiries", ImportSection.KeyLinesOfEnquiry),
        ("lines of enquiry", ImportSection.KeyLinesOfEnquiry),
        ("kloe", ImportSection.KeyLinesOfEnquiry),
        ("kloes", ImportSection.KeyLinesOfEnquiry),
        ("aim of the audit", ImportSection.KeyLinesOfEnquiry),
        ("aims of the audit", ImportSection.KeyLinesOfEnquiry),
        ("audit aims", ImportSection.KeyLinesOfEnquiry),
        ("what we looked at", ImportSection.KeyLinesOfEnquiry),
        ("agencies involved", ImportSection.Agencies),
        ("agencies taking part", ImportSection.Agencies),
        ("participating agencies", ImportSection.Agencies),
        ("who took part", ImportSection.Agencies),
        ("good practice", ImportSection.GoodPractice),
        ("areas of good practice", ImportSection.GoodPractice),
        ("examples of good practice", ImportSection.GoodPractice),
        ("what went well", ImportSection.GoodPractice),
        ("what is working well", ImportSection.GoodPractice),
        ("strengths", ImportSection.GoodPractice),
        ("areas for development", ImportSection.AreasForDevelopment),
        ("areas of development", ImportSection.AreasForDevelopment),
        ("areas for improvement", ImportSection.AreasForDevelopment),
        ("development areas", ImportSection.AreasForDevelopment),
        ("what needs to improve", ImportSection.AreasForDevelopment),
        ("what could be better", ImportSection.AreasForDevelopment),
        ("findings", ImportSection.Findings),
        ("key findings", ImportSection.Findings),
        ("key learning", ImportSection.Findings),
        ("what we found", ImportSection.Findings),
        ("conclusion", ImportSection.Conclusion),
        ("conclusions", ImportSection.Conclusion),
        ("overall conclusion", ImportSection.Conclusion),
        ("summary", ImportSection.Conclusion),
        ("in summary", ImportSection.Conclusion),
        ("recommendations", ImportSection.Recommendations),
        ("our recommendations", ImportSection.Recommendations),
        ("recommendations and considerations for practice", ImportSection.Recommendations),
        ("action plan", ImportSection.Recommendations),
        ("recommended actions", ImportSection.Recommendations),
        ("questions for reflection", ImportSection.Questions),
        ("reflective questions", ImportSection.Questions),
        ("reflection questions", ImportSection.Questions),
        ("questions for practice", ImportSection.Questions),
        ("questions to consider", ImportSection.Questions),
        ("questions for supervision", ImportSection.Questions),
        ("what to do now", ImportSection.WhatToDoNow),
        ("what should you do now", ImportSection.WhatToDoNow),
        ("what can you do now", ImportSection.WhatToDoNow),
        ("what you can do now", ImportSection.WhatToDoNow),
        ("what you should do now", ImportSection.WhatToDoNow),
        ("next steps", ImportSection.WhatToDoNow),
        ("resources", ImportSection.Resources),
        ("resources and further information", ImportSection.Resources),
        ("further information", ImportSection.Resources),
        ("related resources", ImportSection.Resources),
        ("useful links", ImportSection.Resources),
        ("useful resources", ImportSection.Resources),
        ("further reading", ImportSection.Resources),
        ("feedback", ImportSection.Feedback),
        ("tell us what you think", ImportSection.Feedback),
        ("definition", ImportSection.Definition),
        ("definition of neglect", ImportSection.Definition),
        ("what is neglect", ImportSection.Definition),
        ("strategic objectives", ImportSection.Objectives),
        ("objectives", ImportSection.Objectives),
        ("our objectives", ImportSection.Objectives),
        ("strategic priorities", ImportSection.Objectives),
        ("measures of success", ImportSection.MeasuresOfSuccess),
        ("how we will know", ImportSection.MeasuresOfSuccess),
        ("how we will measure success", ImportSection.MeasuresOfSuccess),
        ("evidence of success", ImportSection.MeasuresOfSuccess),
        ("review", ImportSection.Review),
        ("monitoring and review", ImportSection.Review),
        ("review of the strategy", ImportSection.Review),
        ("7 minute briefing", ImportSection.FormatMarker),
        ("seven minute briefing", ImportSection.FormatMarker),
        ("at a glance", ImportSection.FormatMarker),
    ];

    /// <summary>The section a heading introduces, or <see cref="ImportSection.None"/>.</summary>
    public static ImportSection Match(string heading)
    {
        var text = Normalise(heading);
        var best = ImportSection.None;
        var bestLength = 0;
        foreach (var (phrase, section) in Phrases)
        {
            if ((text == phrase || text.StartsWith(phrase + " ", StringComparison.Ordinal)) && phrase.Length > bestLength)
            {
                best = section;
                bestLength = phrase.Length;
            }
        }

        return best;
    }

    /// <summary>Lower case, "&amp;" as "and", without numbering ("1.", "Step 3:"), quotes, hyphens or end punctuation.</summary>
    public static string Normalise(string heading)
    {
        var text = heading.ToLowerInvariant().Replace("&", " and ", StringComparison.Ordinal);
        text = Numbering().Replace(text, "");
        text = NotWords().Replace(text, " ");
        return Spaces().Replace(text, " ").Trim();
    }

    [GeneratedRegex(@"^\s*(?:(?:step|part|section|objective)\s*\d{1,2}\s*[.):\-–]?\s+|\d{1,2}\s*[.)]\s*|\d{1,2}\s*[:\-–]\s+)")]
    private static partial Regex Numbering();

    [GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial Regex NotWords();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
