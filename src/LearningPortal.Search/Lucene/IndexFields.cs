using LearningPortal.Core.Search;
using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace LearningPortal.Search.Lucene;

/// <summary>How a <see cref="SearchDocument"/> is laid out in the index, and back.</summary>
internal static class IndexFields
{
    /// <summary>Kind and id: every version of an item.</summary>
    public const string Key = "key";

    /// <summary>Kind, id and draft or published: one version.</summary>
    public const string VersionKey = "vkey";

    public const string Kind = "kind";
    public const string Id = "id";
    public const string Url = "url";
    public const string Title = "title";
    public const string Summary = "summary";
    public const string Body = "body";
    public const string Questions = "questions";
    public const string Themes = "themes";
    public const string Format = "format";

    /// <summary>Summary, themes and format, searched as one field: fewer fields make a faster query.</summary>
    public const string About = "about";
    public const string Date = "date";
    public const string Updated = "updated";
    public const string Year = "year";
    public const string Draft = "draft";

    /// <summary>Ticks (UTC) after which a search leaves the item out: a trie-encoded number for a range query.</summary>
    public const string Expires = "expires";
    public const string Spelling = "spelling";

    public static string KeyOf(string kind, string id) => kind + "\u001f" + id;

    public static Term VersionTerm(string kind, string id, bool draft) =>
        new(VersionKey, KeyOf(kind, id) + (draft ? "\u001fd" : "\u001fp"));

    public static Term KeyTerm(string kind, string id) => new(Key, KeyOf(kind, id));

    public static Document ToLucene(SearchDocument d)
    {
        var doc = new Document
        {
            new StringField(Key, KeyOf(d.Kind, d.Id), Field.Store.NO),
            new StringField(VersionKey, VersionTerm(d.Kind, d.Id, d.IsDraft).Text, Field.Store.NO),
            new StringField(Kind, d.Kind, Field.Store.YES),
            new SortedDocValuesField(Kind, new BytesRef(d.Kind)),
            new StoredField(Id, d.Id),
            new StoredField(Url, d.Url),
            new TextField(Title, d.Title, Field.Store.YES),
            new StoredField(Summary, d.Summary),
            new TextField(About, d.Summary, Field.Store.NO),
            new TextField(Body, d.Body, Field.Store.YES),
            new StringField(Draft, d.IsDraft ? "1" : "0", Field.Store.YES),
        };
        foreach (var question in d.Questions.Where(q => !string.IsNullOrWhiteSpace(q)))
        {
            doc.Add(new TextField(Questions, question, Field.Store.YES));
        }

        foreach (var theme in d.Themes.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).Distinct(StringComparer.Ordinal))
        {
            doc.Add(new StoredField(Themes, theme));
            doc.Add(new SortedSetDocValuesField(Themes, new BytesRef(theme)));
            doc.Add(new TextField(About, theme, Field.Store.NO));
        }

        if (!string.IsNullOrWhiteSpace(d.Format))
        {
            doc.Add(new StoredField(Format, d.Format));
            doc.Add(new TextField(About, d.Format, Field.Store.NO));
        }

        var updated = Utc(d.UpdatedUtc);
        doc.Add(new StoredField(Updated, updated.Ticks));
        doc.Add(new NumericDocValuesField(Updated, updated.Ticks));
        var date = d.Date ?? DateOnly.FromDateTime(updated);
        if (d.Date is { } own)
        {
            doc.Add(new StoredField(Date, own.DayNumber));
        }

        doc.Add(new NumericDocValuesField(Date, date.DayNumber));
        doc.Add(new NumericDocValuesField(Year, date.Year));
        if (d.ExpiresUtc is { } expires)
        {
            doc.Add(new Int64Field(Expires, Utc(expires).Ticks, Field.Store.NO));
        }

        // Drafts stay out of the spelling dictionary so that "did you mean" never reveals unpublished words.
        if (!d.IsDraft)
        {
            doc.Add(new TextField(Spelling, string.Join('\n', [d.Title, d.Summary, d.Body, .. d.Questions, .. d.Themes]), Field.Store.NO));
        }

        return doc;
    }

    /// <summary>Reads back what a hit shows.</summary>
    public static StoredDocument FromLucene(Document doc)
    {
        var date = doc.GetField(Date)?.GetInt32Value();
        var updated = doc.GetField(Updated)?.GetInt64Value() ?? 0;
        return new StoredDocument(
            doc.Get(Kind) ?? "",
            doc.Get(Id) ?? "",
            doc.Get(Url) ?? "",
            doc.Get(Title) ?? "",
            doc.Get(Summary) ?? "",
            doc.Get(Body) ?? "",
            doc.GetValues(Questions),
            doc.GetValues(Themes),
            doc.Get(Format),
            date is { } day ? DateOnly.FromDayNumber(day) : null,
            new DateTime(updated, DateTimeKind.Utc),
            doc.Get(Draft) == "1");
    }

    private static DateTime Utc(DateTime t) => t.Kind == DateTimeKind.Utc ? t : DateTime.SpecifyKind(t, DateTimeKind.Utc);

    public static string YearText(int year) => year.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A document as stored in the index.</summary>
internal sealed record StoredDocument(
    string Kind,
    string Id,
    string Url,
    string Title,
    string Summary,
    string Body,
    IReadOnlyList<string> Questions,
    IReadOnlyList<string> Themes,
    string? Format,
    DateOnly? Date,
    DateTime UpdatedUtc,
    bool IsDraft);
