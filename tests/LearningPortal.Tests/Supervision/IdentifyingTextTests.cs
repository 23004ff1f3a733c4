using LearningPortal.Core.Supervision;

namespace LearningPortal.Tests.Supervision;

public class IdentifyingTextTests
{
    [Theory]
    [InlineData("Born 03/04/2015 and", "03/04/2015")]
    [InlineData("seen on 3.4.15.", "3.4.15")]
    [InlineData("on 3-4-2015 at school", "3-4-2015")]
    [InlineData("Her birthday is 3 April 2015.", "3 April 2015")]
    [InlineData("on 21st of March 2019", "21st of March 2019")]
    [InlineData("on 3 Sept 2016", "3 Sept 2016")]
    [InlineData("ON 3 APRIL 2015", "3 APRIL 2015")]
    [InlineData("born April 3, 2015 in", "April 3, 2015")]
    [InlineData("born April 3rd 2015", "April 3rd 2015")]
    [InlineData("31/12/99", "31/12/99")]
    public void Finds_dates(string text, string expected) =>
        Assert.Equal([(IdentifyingKind.Date, expected)], Found(text));

    [Theory]
    [InlineData("DOB: unknown", "DOB")]
    [InlineData("d.o.b. given", "d.o.b.")]
    [InlineData("Her date of birth was recorded", "date of birth")]
    public void Finds_a_mention_of_a_date_of_birth(string text, string expected) =>
        Assert.Equal([(IdentifyingKind.DateOfBirth, expected)], Found(text));

    [Fact]
    public void Finds_a_date_of_birth_label_and_its_date_separately()
    {
        var places = IdentifyingText.Find("Child A, DOB 03/04/2015, lives with mum");

        Assert.Equal([(IdentifyingKind.DateOfBirth, "DOB"), (IdentifyingKind.Date, "03/04/2015")], places.Select(p => (p.Kind, p.Text)));
        Assert.Equal(9, places[0].Start);
        Assert.Equal(3, places[0].Length);
        Assert.Equal(13, places[1].Start);
        Assert.Equal(10, places[1].Length);
    }

    [Theory]
    [InlineData("NHS no 943 476 5919 on file", "943 476 5919")]
    [InlineData("NHS no 9434765919", "9434765919")]
    [InlineData("NHS no 943-476-5919", "943-476-5919")]
    [InlineData("4010232137", "4010232137")]
    public void Finds_NHS_numbers_with_a_valid_check_digit(string text, string expected) =>
        Assert.Equal([(IdentifyingKind.NhsNumber, expected)], Found(text));

    [Theory]
    [InlineData("9434765918")]
    [InlineData("943 476 5910")]
    [InlineData("1234567890")]
    [InlineData("number 94347659190")]
    public void Ignores_ten_digit_numbers_whose_check_digit_is_wrong(string text) =>
        Assert.DoesNotContain(IdentifyingText.Find(text), p => p.Kind == IdentifyingKind.NhsNumber);

    [Theory]
    [InlineData(" 943 476 591", false)]
    [InlineData("9434765919", true)]
    [InlineData("4010232137", true)]
    [InlineData("4010232138", false)]
    public void NHS_check_digit_follows_modulus_11(string text, bool valid) =>
        Assert.Equal(valid, IdentifyingText.IsValidNhsNumber(text));

    [Fact]
    public void NHS_numbers_whose_check_would_be_10_are_never_valid()
    {
        // 6 at weight 2 sums to 12, and 11 - (12 % 11) = 10: no tenth digit can match.
        Assert.All(Enumerable.Range(0, 10), last => Assert.False(IdentifyingText.IsValidNhsNumber($"000000006{last}")));
        // Sum 0 modulo 11: check 11, meaning 0.
        Assert.True(IdentifyingText.IsValidNhsNumber("0000000000"));
    }

    [Theory]
    [InlineData("Lives at SW1A 1AA now", "SW1A 1AA")]
    [InlineData("moved to m1 1ae", "m1 1ae")]
    [InlineData("B33 8TH", "B33 8TH")]
    [InlineData("CR2 6XH.", "CR2 6XH")]
    [InlineData("DN55 1PT", "DN55 1PT")]
    [InlineData("postcode ec1a1bb", "ec1a1bb")]
    public void Finds_full_UK_postcodes_in_any_case(string text, string expected) =>
        Assert.Equal([(IdentifyingKind.Postcode, expected)], Found(text));

    [Theory]
    [InlineData("Mum's mobile 07700 900123", "07700 900123")]
    [InlineData("call 07700 900 123", "07700 900 123")]
    [InlineData("call 07700900123", "07700900123")]
    [InlineData("call +44 7700 900123", "+44 7700 900123")]
    [InlineData("call +447700900123", "+447700900123")]
    [InlineData("school on 020 7946 0958", "020 7946 0958")]
    [InlineData("school on (020) 7946 0958", "(020) 7946 0958")]
    [InlineData("ring +44 (0)20 7946 0958 today", "+44 (0)20 7946 0958")]
    [InlineData("GP 0161 496 0000", "0161 496 0000")]
    [InlineData("GP 01632 960001", "01632 960001")]
    public void Finds_UK_phone_numbers(string text, string expected) =>
        Assert.Equal([(IdentifyingKind.PhoneNumber, expected)], Found(text));

    [Theory]
    [InlineData("emailed jo.bloggs@example.org about it", "jo.bloggs@example.org")]
    [InlineData("o'brien+school@mail.example.co.uk", "o'brien+school@mail.example.co.uk")]
    public void Finds_email_addresses(string text, string expected) =>
        Assert.Equal([(IdentifyingKind.EmailAddress, expected)], Found(text));

    [Theory]
    [InlineData("We discussed 6 questions and agreed 3 actions.")]
    [InlineData("The audit in 2024 looked at 15 families and 42 children.")]
    [InlineData("Between 2019 and 2024, referrals rose by 12.5%.")]
    [InlineData("See section 3.4 and recommendation 7.")]
    [InlineData("Review in April 2025.")]
    [InlineData("Level 3 of the CoNR, CP plan at 12 months.")]
    [InlineData("A 30/45 minute session; score 7/10.")]
    [InlineData("Ref 12345678 and 123456789.")]
    [InlineData("Use the GCP2 tool at the TAF meeting.")]
    [InlineData("")]
    public void Ordinary_practice_text_has_nothing_flagged(string text) =>
        Assert.Empty(IdentifyingText.Find(text));

    [Fact]
    public void Invalid_dates_are_not_flagged() =>
        Assert.Empty(IdentifyingText.Find("31/02/2015 and 00/01/2015 and 12/13/2015"));

    [Fact]
    public void Finds_every_kind_in_order_without_overlaps()
    {
        var text = "DOB 03/04/2015, NHS 943 476 5919, SW1A 1AA, 07700 900123, mum@example.org";

        var places = IdentifyingText.Find(text);

        Assert.Equal(
            [IdentifyingKind.DateOfBirth, IdentifyingKind.Date, IdentifyingKind.NhsNumber, IdentifyingKind.Postcode, IdentifyingKind.PhoneNumber, IdentifyingKind.EmailAddress],
            places.Select(p => p.Kind));
        Assert.All(places, p => Assert.Equal(p.Text, text.Substring(p.Start, p.Length)));
        Assert.All(places.Zip(places.Skip(1)), pair => Assert.True(pair.First.Start + pair.First.Length <= pair.Second.Start));
    }

    [Fact]
    public void A_number_that_is_both_an_NHS_number_and_dialable_counts_as_an_NHS_number()
    {
        // 0123456789: passes the check digit and has the shape of a landline.
        Assert.True(IdentifyingText.IsValidNhsNumber("0123456789"));

        Assert.Equal([(IdentifyingKind.NhsNumber, "012 345 6789")], Found("ref 012 345 6789"));
    }

    [Fact]
    public void Highlight_marks_each_place_and_encodes_everything()
    {
        var html = IdentifyingText.Highlight("<b>Tom</b> & mum, DOB 3/4/15 <script>alert('x')</script>");

        Assert.Equal(
            "&lt;b&gt;Tom&lt;/b&gt; &amp; mum, "
            + "<mark>DOB<span class=\"govuk-visually-hidden\"> (mentions a date of birth)</span></mark> "
            + "<mark>3/4/15<span class=\"govuk-visually-hidden\"> (looks like a date)</span></mark> "
            + "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;",
            html);
    }

    [Fact]
    public void Highlight_encodes_the_matched_text_too()
    {
        var html = IdentifyingText.Highlight("o'brien@example.org");

        Assert.StartsWith("<mark>o&#x27;brien@example.org<span", html, StringComparison.Ordinal);
        Assert.DoesNotContain("'", html.Replace("class=\"govuk-visually-hidden\"", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Highlight_of_text_with_nothing_identifying_is_just_encoded() =>
        Assert.Equal("Tom &amp; Jerry", IdentifyingText.Highlight("Tom & Jerry"));

    private static IEnumerable<(IdentifyingKind, string)> Found(string text) =>
        IdentifyingText.Find(text).Select(p => (p.Kind, p.Text));
}
