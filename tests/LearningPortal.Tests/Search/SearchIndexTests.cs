using LearningPortal.Search;
using LearningPortal.Search.Lucene;
using Microsoft.Extensions.Time.Testing;

namespace LearningPortal.Tests.Search;

public class SearchIndexTests
{
    [Fact]
    public void Stemming_finds_neglect_when_searching_for_neglected_and_the_other_way()
    {
        using var index = new TempIndex(
            Docs.Briefing("a", "Audit findings", "Practitioners recognised signs of neglect early."),
            Docs.Briefing("b", "Children's needs", "Their needs were neglected for months."));

        var neglected = index.Search("neglected");
        var neglect = index.Search("neglect");

        Assert.Equal(["a", "b"], neglected.Hits.Select(h => h.Id).Order());
        Assert.Equal(["a", "b"], neglect.Hits.Select(h => h.Id).Order());
    }

    [Fact]
    public void Quoted_phrase_matches_only_the_words_together()
    {
        using var index = new TempIndex(
            Docs.Briefing("together", "Hearing children", "Capture the voice of the child in every plan."),
            Docs.Briefing("apart", "Plans", "The child was seen; the mother's voice dominated."));

        var phrase = index.Search("\"voice of the child\"");
        var words = index.Search("voice of the child");

        Assert.Equal(["together"], phrase.Hits.Select(h => h.Id));
        Assert.Equal(2, words.Total);
    }

    [Fact]
    public void A_title_match_ranks_above_body_matches()
    {
        using var index = new TempIndex(
            Docs.Briefing("body", "Annual report", string.Join(' ', Enumerable.Repeat("Escalation was discussed at length.", 8))),
            Docs.Briefing("title", "Escalation policy", "How to raise a concern with another agency when a plan is not working."));

        var results = index.Search("escalation");

        Assert.Equal(["title", "body"], results.Hits.Select(h => h.Id));
    }

    [Fact]
    public void Questions_for_reflection_are_searchable_and_shown_as_the_snippet()
    {
        using var index = new TempIndex(Docs.Briefing("q", "Seven minute briefing", "Background to the audit.") with
        {
            Questions = ["How do you make sure disguised compliance is noticed and challenged?"],
        });

        var results = index.Search("disguised compliance");

        var hit = Assert.Single(results.Hits);
        Assert.Contains("<mark>disguised</mark> <mark>compliance</mark>", hit.SnippetHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_word_gets_a_did_you_mean_drawn_from_the_index()
    {
        using var index = new TempIndex(Docs.Library());

        Assert.Equal("neglect", index.Search("negelct").Suggestion);
        Assert.Equal("supervision helped", index.Search("supervison helpd").Suggestion);
        Assert.Null(index.Search("neglect").Suggestion);
    }

    [Fact]
    public void Did_you_mean_never_offers_a_word_that_is_only_in_a_draft()
    {
        using var index = new TempIndex(
            Docs.Briefing("live", "Published", "Nothing unusual here."),
            Docs.Briefing("draft", "Unpublished", "Contains the word confidential.") with { IsDraft = true });

        Assert.Null(index.Search("confidentail").Suggestion);
    }

    [Fact]
    public void Facet_counts_cover_every_matching_item_and_each_filter_leaves_its_own_counts_open()
    {
        var library = Docs.Library();
        using var index = new TempIndex(library);

        var all = index.Search("neglect");
        var strategies = index.Search("neglect", q => q with { Kinds = ["strategy"] });

        Assert.Equal(all.Total, all.Facets.Kinds.Sum(f => f.Count));
        Assert.Equal(15, all.Facets.Kinds.Single(f => f.Value == "briefing").Count);
        Assert.Equal(1, strategies.Total);
        Assert.Equal(all.Facets.Kinds, strategies.Facets.Kinds.Select(f => f with { Selected = false }));
        Assert.True(strategies.Facets.Kinds.Single(f => f.Value == "strategy").Selected);
        Assert.Equal([new FacetCount("Neglect", 1, false)], strategies.Facets.Themes);
        Assert.Equal([new FacetCount("2023", 1, false)], strategies.Facets.Years);
    }

    [Fact]
    public void Filters_combine_type_theme_and_year()
    {
        using var index = new TempIndex(Docs.Library());

        var results = index.Search("", q => q with { Kinds = ["briefing"], Themes = ["Exploitation"], Years = [2025] });

        Assert.Equal(["exploitation-2"], results.Hits.Select(h => h.Id));
    }

    [Fact]
    public void Newest_first_orders_by_the_items_own_date()
    {
        using var index = new TempIndex(
            Docs.Briefing("2021", "Neglect 2021", year: 2021),
            Docs.Briefing("2025", "Neglect 2025", year: 2025),
            Docs.Briefing("2023", "Neglect 2023", year: 2023));

        var results = index.Search("neglect", q => q with { Sort = SearchSort.Newest });

        Assert.Equal(["2025", "2023", "2021"], results.Hits.Select(h => h.Id));
    }

    [Fact]
    public void Paging_shows_every_item_once_across_the_pages()
    {
        using var index = new TempIndex(Enumerable.Range(1, 23).Select(i => Docs.Briefing($"b{i}", $"Neglect briefing {i}", year: 2000 + i)).ToArray());

        var pages = Enumerable.Range(1, 3).Select(p => index.Search("neglect", q => q with { Page = p, PageSize = 10 })).ToList();

        Assert.All(pages, p => Assert.Equal(23, p.Total));
        Assert.All(pages, p => Assert.Equal(3, p.PageCount));
        Assert.Equal([10, 10, 3], pages.Select(p => p.Hits.Count));
        Assert.Equal(23, pages.SelectMany(p => p.Hits).Select(h => h.Id).Distinct().Count());
        Assert.Empty(index.Search("neglect", q => q with { Page = 4, PageSize = 10 }).Hits);
    }

    [Fact]
    public void Drafts_are_found_only_by_the_back_office_search()
    {
        using var index = new TempIndex(
            Docs.Briefing("x", "Neglect audit", "Published text."),
            Docs.Briefing("x", "Neglect audit (revised)", "Draft text about thresholds.") with { IsDraft = true });

        var published = index.Search("thresholds");
        var backOffice = index.Search("neglect", q => q with { IncludeDrafts = true });

        Assert.Equal(0, published.Total);
        Assert.Equal([false, true], backOffice.Hits.Select(h => h.IsDraft).Order());
    }

    [Fact]
    public void Replace_and_delete_change_what_is_found()
    {
        using var index = new TempIndex(Docs.Briefing("x", "Old title about neglect"));

        index.Index.Replace("briefing", "x", [Docs.Briefing("x", "New title about exploitation") with { Themes = ["Exploitation"] }]);
        index.Index.Commit(1);
        var afterReplace = (Old: index.Search("neglect").Total, New: index.Search("exploitation").Total);
        index.Index.Delete("briefing", "x");
        index.Index.Commit(2);

        Assert.Equal((0, 1), afterReplace);
        Assert.Equal(0, index.Search("exploitation").Total);
        Assert.Equal(2, index.Index.JournalPosition);
    }

    [Fact]
    public void Snippets_are_html_encoded_with_only_mark_as_markup()
    {
        using var index = new TempIndex(Docs.Briefing("x", "<b>Neglect</b> & drift", "Before <script>alert('neglect')</script> after \"neglect\"."));

        var hit = Assert.Single(index.Search("neglect").Hits);

        Assert.Contains("&lt;b&gt;<mark>Neglect</mark>&lt;", hit.TitleHtml, StringComparison.Ordinal);
        Assert.Equal("<b>Neglect</b> & drift", WebUtility.HtmlDecode(hit.TitleHtml.Replace("<mark>", "", StringComparison.Ordinal).Replace("</mark>", "", StringComparison.Ordinal)));
        Assert.Contains("&lt;script&gt;", hit.SnippetHtml, StringComparison.Ordinal);
        Assert.Contains("<mark>neglect</mark>", hit.SnippetHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", hit.SnippetHtml, StringComparison.Ordinal);
        Assert.Equal(hit.SnippetHtml.Split('<').Length - 1, CountTags(hit.SnippetHtml));
    }

    [Fact]
    public void Result_links_never_leave_the_site()
    {
        using var index = new TempIndex(
            Docs.Briefing("js", "Neglect one") with { Url = "javascript:alert(1)" },
            Docs.Briefing("other", "Neglect two") with { Url = "//evil.example/x" });

        Assert.All(index.Search("neglect").Hits, h => Assert.Equal("#", h.Url));
    }

    [Fact]
    public void When_no_item_has_every_word_items_with_any_word_are_shown()
    {
        using var index = new TempIndex(Docs.Briefing("a", "Neglect audit"), Docs.Briefing("b", "Exploitation review") with { Themes = ["Exploitation"] });

        var results = index.Search("neglect exploitation");

        Assert.True(results.MatchedAnyWord);
        Assert.Equal(2, results.Total);
    }

    [Fact]
    public void Filters_without_words_list_the_items_newest_first()
    {
        using var index = new TempIndex(Docs.Library());

        var results = index.Search("", q => q with { Kinds = ["toolkit"] });

        Assert.Equal(["gcp2-guidance", "gcp2", "screening-tool"], results.Hits.Select(h => h.Id));
    }

    [Fact]
    public void An_item_past_its_expiry_drops_out_of_results_and_facet_counts_without_a_change_to_the_index()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2027, 5, 10, 9, 0, 0, TimeSpan.Zero));
        var start = clock.GetUtcNow().UtcDateTime.AddHours(1);
        using var index = new TempIndex(
            clock,
            Docs.Of("training", "course-1", "Understanding neglect"),
            Docs.Of("training", "session-1", "Understanding neglect: morning session") with { ExpiresUtc = start },
            Docs.Of("training", "session-2", "Understanding neglect: next month") with { ExpiresUtc = start.AddDays(30) });

        var before = index.Search("understanding neglect", q => q with { IncludeDrafts = true });
        clock.SetUtcNow(start);
        var atStart = index.Search("understanding neglect");
        var backOffice = index.Search("understanding neglect", q => q with { IncludeDrafts = true });

        Assert.Equal(["course-1", "session-1", "session-2"], before.Hits.Select(h => h.Id).Order());
        Assert.Equal(["course-1", "session-2"], atStart.Hits.Select(h => h.Id).Order());
        Assert.Equal(2, atStart.Total);
        Assert.Equal(2, Assert.Single(atStart.Facets.Kinds).Count);
        Assert.Equal(["course-1", "session-2"], backOffice.Hits.Select(h => h.Id).Order());
    }

    [Fact]
    public void A_repeated_search_is_answered_again_only_when_the_index_changes_or_an_item_expires()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2027, 5, 10, 9, 0, 0, TimeSpan.Zero));
        var start = clock.GetUtcNow().UtcDateTime.AddHours(1);
        using var index = new TempIndex(
            clock,
            Docs.Of("training", "course-1", "Understanding neglect"),
            Docs.Of("training", "session-1", "Understanding neglect: morning session") with { ExpiresUtc = start });

        var first = index.Search("understanding neglect");
        var repeated = index.Search("understanding neglect");
        clock.SetUtcNow(start.AddTicks(-1));
        var justBefore = index.Search("understanding neglect");
        clock.SetUtcNow(start);
        var atStart = index.Search("understanding neglect");
        index.Add(Docs.Of("training", "course-2", "Understanding neglect again"));
        var afterCommit = index.Search("understanding neglect");

        // The same answer while nothing changed: kept, not searched again.
        Assert.Same(first, repeated);
        Assert.Same(first, justBefore);
        Assert.Equal(["course-1", "session-1"], first.Hits.Select(h => h.Id).Order());
        Assert.Equal(["course-1"], atStart.Hits.Select(h => h.Id));
        Assert.Equal(["course-1", "course-2"], afterCommit.Hits.Select(h => h.Id).Order());
    }

    [Fact]
    public void A_word_found_only_after_the_opening_of_a_long_body_still_gets_a_marked_passage()
    {
        var opening = string.Join(' ', Enumerable.Repeat("Practitioners met the family and agreed a plan.", 80));
        using var index = new TempIndex(Docs.Briefing("long", "Audit of practice", opening + " Later the audit found cumulative neglect at home."));

        var hit = Assert.Single(index.Search("cumulative").Hits);

        Assert.True(opening.Length > Snippets.OpeningChars);
        Assert.Contains("<mark>cumulative</mark>", hit.SnippetHtml, StringComparison.Ordinal);
    }

    private static int CountTags(string html) =>
        System.Text.RegularExpressions.Regex.Count(html, "</?mark>");
}
