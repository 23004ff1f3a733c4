using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;

namespace LearningPortal.Core.Supervision;

/// <summary>What a piece of text looks like it might be.</summary>
public enum IdentifyingKind
{
    /// <summary>A full date (day, month and year), such as a date of birth.</summary>
    Date,

    /// <summary>The words "DOB" or "date of birth".</summary>
    DateOfBirth,

    /// <summary>Ten digits whose last is a valid modulus 11 check digit.</summary>
    NhsNumber,

    /// <summary>A full UK postcode.</summary>
    Postcode,

    /// <summary>A UK landline or mobile number, including +44 forms.</summary>
    PhoneNumber,

    EmailAddress,
}

/// <summary>A place in the text that looks like it identifies someone.</summary>
/// <param name="Start">Index of the first character.</param>
/// <param name="Length">Number of characters.</param>
/// <param name="Kind">What it looks like.</param>
/// <param name="Text">The matched text.</param>
public sealed record IdentifyingPlace(int Start, int Length, IdentifyingKind Kind, string Text);

/// <summary>
/// Finds text that looks like it identifies a child or family (dates such as dates of birth, NHS numbers, postcodes,
/// phone numbers, email addresses), so that a supervision record can warn before it is saved. A warning, not a
/// block: it errs towards flagging, but leaves out plain numbers ("6 questions"), years ("2024") and ten-digit
/// numbers whose NHS check digit is wrong.
/// </summary>
public static partial class IdentifyingText
{
    private const int TimeoutMs = 1000;

    /// <summary>The places in <paramref name="text"/>, in order, never overlapping.</summary>
    public static IReadOnlyList<IdentifyingPlace> Find(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var found = new List<IdentifyingPlace>();
        Add(found, EmailAddress().Matches(text), IdentifyingKind.EmailAddress, _ => true);
        Add(found, NumericDate().Matches(text), IdentifyingKind.Date, IsRealNumericDate);
        Add(found, DayMonthYear().Matches(text), IdentifyingKind.Date, _ => true);
        Add(found, MonthDayYear().Matches(text), IdentifyingKind.Date, _ => true);
        Add(found, DateOfBirthLabel().Matches(text), IdentifyingKind.DateOfBirth, _ => true);
        Add(found, NhsNumberCandidate().Matches(text), IdentifyingKind.NhsNumber, m => IsValidNhsNumber(m.Value));
        Add(found, Postcode().Matches(text), IdentifyingKind.Postcode, _ => true);
        Add(found, PhoneCandidate().Matches(text), IdentifyingKind.PhoneNumber, m => IsUkPhoneNumber(m.Value));

        // Where two overlap (an NHS number that could also be dialled, a postcode inside an email address) the one
        // that starts first wins, then the longer, then the earlier kind in the list above.
        var places = new List<IdentifyingPlace>();
        var end = 0;
        foreach (var place in found.OrderBy(p => p.Start).ThenByDescending(p => p.Length).ThenBy(p => Priority(p.Kind)))
        {
            if (place.Start >= end)
            {
                places.Add(place);
                end = place.Start + place.Length;
            }
        }

        return places;
    }

    /// <summary>
    /// The text HTML-encoded, with each place in a <c>&lt;mark&gt;</c> followed by visually hidden words saying what it
    /// looks like (a highlight alone is not announced by screen readers). Everything from the text is encoded.
    /// </summary>
    public static string Highlight(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var encoder = HtmlEncoder.Default;
        var html = new StringBuilder(text.Length + 64);
        var at = 0;
        foreach (var place in Find(text))
        {
            html.Append(encoder.Encode(text[at..place.Start]))
                .Append("<mark>").Append(encoder.Encode(place.Text))
                .Append("<span class=\"govuk-visually-hidden\"> (").Append(Describe(place.Kind)).Append(")</span></mark>");
            at = place.Start + place.Length;
        }

        return html.Append(encoder.Encode(text[at..])).ToString();
    }

    /// <summary>Words for a kind, for warnings: "looks like a date".</summary>
    public static string Describe(IdentifyingKind kind) => kind switch
    {
        IdentifyingKind.Date => "looks like a date",
        IdentifyingKind.DateOfBirth => "mentions a date of birth",
        IdentifyingKind.NhsNumber => "looks like an NHS number",
        IdentifyingKind.Postcode => "looks like a postcode",
        IdentifyingKind.PhoneNumber => "looks like a phone number",
        IdentifyingKind.EmailAddress => "looks like an email address",
        _ => "may identify someone",
    };

    /// <summary>The NHS number check: weights 10 down to 2 on the first nine digits; 11 minus the sum modulo 11 is the tenth (11 means 0, 10 is never valid).</summary>
    public static bool IsValidNhsNumber(string text)
    {
        var digits = text.Where(char.IsAsciiDigit).Select(c => c - '0').ToArray();
        if (digits.Length != 10)
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += digits[i] * (10 - i);
        }

        var check = 11 - (sum % 11);
        return check switch
        {
            11 => digits[9] == 0,
            10 => false,
            _ => digits[9] == check,
        };
    }

    private static void Add(List<IdentifyingPlace> found, MatchCollection matches, IdentifyingKind kind, Func<Match, bool> accept) =>
        found.AddRange(matches.Where(accept).Select(m => new IdentifyingPlace(m.Index, m.Length, kind, m.Value)));

    private static int Priority(IdentifyingKind kind) => kind switch
    {
        IdentifyingKind.EmailAddress => 0,
        IdentifyingKind.NhsNumber => 1,
        IdentifyingKind.Date => 2,
        IdentifyingKind.DateOfBirth => 3,
        IdentifyingKind.Postcode => 4,
        _ => 5,
    };

    private static bool IsRealNumericDate(Match match)
    {
        var day = int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture);
        var month = int.Parse(match.Groups["month"].Value, CultureInfo.InvariantCulture);
        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        year = match.Groups["year"].Length == 2 ? 2000 + year : year;
        return year is >= 1900 and <= 2199 && day <= DateTime.DaysInMonth(year, month);
    }

    /// <summary>UK numbers have 10 or 11 digits counting the leading 0 (for +44, in place of the 44).</summary>
    private static bool IsUkPhoneNumber(string text)
    {
        var national = text.Replace("(0)", "", StringComparison.Ordinal);
        var digits = new string(national.Where(char.IsAsciiDigit).ToArray());
        if (national.TrimStart().StartsWith('+'))
        {
            digits = "0" + digits[2..];
        }

        return digits.Length is 10 or 11 && digits[1] is '1' or '2' or '3' or '5' or '7' or '8';
    }

    [GeneratedRegex(@"(?<![\w.+'-])[\w.%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex EmailAddress();

    // 03/04/2015, 3.4.15, 3-4-2015.
    [GeneratedRegex(@"(?<![\d./-])(?<day>0?[1-9]|[12]\d|3[01])(?<sep>[/.-])(?<month>0?[1-9]|1[0-2])\k<sep>(?<year>\d{4}|\d{2})(?![\d/-]|\.\d)", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex NumericDate();

    // 3 April 2015, 3rd of April 2015, 3 Apr. 2015.
    [GeneratedRegex(@"\b(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?\s+(?:of\s+)?" + Months + @"\.?,?\s+\d{4}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex DayMonthYear();

    // April 3, 2015; April 3rd 2015.
    [GeneratedRegex(@"\b" + Months + @"\.?\s+(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?,?\s+\d{4}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex MonthDayYear();

    private const string Months = "(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)";

    [GeneratedRegex(@"\b(?:DOB|D\.O\.B\.?|date\s+of\s+birth)(?!\w)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex DateOfBirthLabel();

    // 943 476 5919, 943-476-5919 or 9434765919.
    [GeneratedRegex(@"(?<![\d+])(?:\d{3}([ -]?)\d{3}\1\d{4})(?!\d)", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex NhsNumberCandidate();

    // Full postcodes only (outward and inward code), in the shapes Royal Mail issues: SW1A 1AA, M1 1AE, B33 8TH, CR2 6XH, DN55 1PT.
    [GeneratedRegex(@"\b(?:[A-PR-UWYZ](?:[0-9]{1,2}|[A-HK-Y][0-9]{1,2}|[0-9][A-HJKPSTUW]|[A-HK-Y][0-9][ABEHMNPRVWXY]))\s?[0-9][ABD-HJLNP-UW-Z]{2}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex Postcode();

    // 020 7946 0958, (020) 7946 0958, 07700 900123, 07700 900 123, +44 7700 900123, +44 (0)20 7946 0958, 01632 960001.
    [GeneratedRegex(@"(?<![\w+])(?:\+44\s?(?:\(0\)\s?)?|\(?0)\d{2,4}\)?[\s-]?\d{3,4}[\s-]?\d{3,4}(?![\w])", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex PhoneCandidate();
}
