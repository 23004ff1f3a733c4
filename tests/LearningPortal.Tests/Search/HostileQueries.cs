namespace LearningPortal.Tests.Search;

/// <summary>Broken, hostile and foreign input that people (and scanners) type into search boxes.</summary>
public static class HostileQueries
{
    public static readonly string[] Corpus =
    [
        "\"", "\"\"", "\"\"\"", "(", ")", "[", "]", "{", "}", "*", "**", "?", "?*", "!", "-", "+", "&&", "||", "&", ":", ";", "/", "//", "\\", "\\\"", "~", "^",
        "AND", "OR", "NOT", "OR NOT", "AND OR NOT", "neglect AND", "AND neglect", "neglect OR", "NOT neglect",
        "title:", "title:neglect", "body:", "field:value:other", "neglect~", "neglect~2", "neglect^10", "neglect*", "*neglect", "ne?lect", "neglect\\",
        "\"voice of the", "voice of the child\"", "(neglect", "neglect)", "[1 TO 5]", "{a TO z}", "/regex/", "/.*/",
        "😀", "neglect 😀", "👩‍👧‍👦", "الإهمال", "إهمال الأطفال", "忽视儿童", "儿童", "пренебрежение", "Пренебрежение нуждами ребёнка", "ΑΒΓ", "ऑडिट",
        "<script>alert(1)</script>", "<mark>neglect</mark>", "' OR 1=1 --", "%", "%%", "&amp;", "null", "a", "the", "of the", "   ", "\t",
        new string('a', 5000),
        string.Concat(Enumerable.Repeat("neglect ", 500)),
        string.Concat(Enumerable.Repeat("\"voice ", 300)),
        string.Concat(Enumerable.Repeat("(", 2000)),
    ];

    /// <summary>The same, with characters that cannot travel in a URL as they are (a lone surrogate, a NUL).</summary>
    public static readonly string[] IndexOnly = ["\u0000", "\uD800", "neglect\uDC00", "\uFFFF", string.Concat(Enumerable.Repeat("neglect ", 2000))];

    public static IEnumerable<object[]> All() => Corpus.Concat(IndexOnly).Select((q, i) => new object[] { i, q });
}
