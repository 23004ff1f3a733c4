using LearningPortal.Core.Search;
using LearningPortal.Search;

namespace LearningPortal.Benchmarks;

/// <summary>
/// Deterministic briefing-sized documents (500 to 1,100 words, like the seed briefings) written from a
/// safeguarding vocabulary with a skewed word frequency, so that common words match most documents and
/// rare ones a few, as in real content.
/// </summary>
internal sealed class BriefingGenerator(int seed)
{
    private static readonly string[] Common =
    [
        "the", "of", "and", "to", "a", "in", "for", "is", "that", "with", "was", "were", "on", "by", "be", "as", "are", "this", "their", "from",
        "child", "children", "family", "families", "practitioners", "agencies", "partnership", "neglect", "needs", "support", "plan", "assessment",
        "social", "care", "health", "school", "parents", "parent", "worker", "workers", "safeguarding", "multi-agency", "audit", "practice", "learning",
    ];

    private static readonly string[] Domain =
    [
        "supervision", "reflective", "voice", "lived", "experience", "drift", "delay", "escalation", "disguised", "compliance", "threshold",
        "thresholds", "graded", "profile", "gcp2", "screening", "tool", "early", "help", "targeted", "visitor", "visitors", "midwife", "police",
        "housing", "probation", "education", "attendance", "absence", "dental", "hygiene", "nutrition", "clothing", "home", "conditions",
        "unkempt", "hungry", "medical", "appointments", "missed", "immunisation", "development", "speech", "language", "emotional", "physical",
        "supervisory", "oversight", "chronology", "cumulative", "harm", "history", "previous", "involvement", "recurring", "pattern", "patterns",
        "domestic", "abuse", "substance", "misuse", "alcohol", "mental", "illness", "parental", "capacity", "change", "engagement", "resistant",
        "hostile", "non-engagement", "strategy", "discussion", "conference", "core", "group", "protection", "register", "in", "need", "section",
        "referral", "referrals", "contact", "front", "door", "mash", "triage", "step", "down", "up", "team", "around", "caf", "taf", "conr",
        "continuum", "response", "level", "levels", "smart", "actions", "outcomes", "impact", "evaluation", "feedback", "training", "course",
        "session", "recommendations", "recommendation", "findings", "finding", "good", "areas", "development", "kloe", "enquiry", "lines",
        "sample", "cases", "case", "files", "records", "recorded", "recording", "information", "sharing", "consent", "gp", "nursery", "early",
        "years", "setting", "settings", "sibling", "siblings", "baby", "babies", "infant", "adolescent", "adolescents", "teenager", "young",
        "people", "person", "carer", "carers", "kinship", "foster", "looked", "after", "exploitation", "criminal", "sexual", "county", "contextual",
        "online", "bullying", "self-harm", "wellbeing", "poverty", "deprivation", "debt", "benefits", "overcrowding", "homelessness", "temporary",
        "accommodation", "disability", "disabled", "special", "educational", "neurodiversity", "autism", "culture", "cultural", "faith", "language",
        "interpreter", "fathers", "father", "mother", "mothers", "invisible", "men", "partner", "partners", "professional", "curiosity", "challenge",
        "confidence", "workforce", "caseload", "caseloads", "management", "manager", "managers", "oversight", "quality", "assurance", "subgroup",
        "board", "executive", "review", "reviews", "rapid", "serious", "incident", "learning", "briefing", "seven", "minute", "glance", "toolkit",
    ];

    private static readonly string[] Themes = ["Neglect", "Exploitation", "Domestic abuse", "Mental health", "Early help", "Online safety"];
    private static readonly (string Kind, string Format)[] Kinds =
    [
        ("briefing", "Learning briefing"), ("briefing", "7 minute briefing"), ("briefing", "At a glance"), ("briefing", "Learning briefing"),
        ("briefing", "Audit report"), ("toolkit", "Tool"), ("strategy", "Strategy"), ("page", "Page"), ("course", "Course"), ("session", "Session"),
    ];

    private static readonly string[] Places = ["Barnsley", "Walsall", "Gloucestershire", "Riverside", "Northmoor", "Kirklees", "Calderdale", "Sefton", "Halton", "Wirral", "Bury", "Oldham"];

    private static readonly string[] QuestionStarts =
    [
        "How confident are we that", "Do your supervision arrangements ensure that", "How do you know that", "What would help you make sure that",
        "How does your team check that", "When did you last consider whether",
    ];

    private readonly Random random = new(seed);

    public IEnumerable<SearchDocument> Generate(int count)
    {
        var start = new DateTime(2015, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < count; i++)
        {
            var (kind, format) = Kinds[random.Next(Kinds.Length)];
            var date = start.AddDays(random.Next(0, 12 * 365));
            var place = Places[random.Next(Places.Length)];
            var themes = random.Next(4) == 0 ? new[] { Themes[0], Themes[random.Next(1, Themes.Length)] } : [Themes[Skewed(Themes.Length)]];
            yield return new SearchDocument
            {
                Kind = kind,
                Id = i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Url = $"/{kind}/{i}",
                Title = $"{Capitalise(Phrase(random.Next(3, 7)))}: {place} {format.ToLowerInvariant()}",
                Summary = Capitalise(Phrase(random.Next(18, 30))) + ".",
                Body = Paragraphs(random.Next(500, 1100)),
                Questions = kind == "briefing"
                    ? Enumerable.Range(0, random.Next(3, 7)).Select(_ => $"{QuestionStarts[random.Next(QuestionStarts.Length)]} {Phrase(random.Next(6, 14))}?").ToList()
                    : [],
                Themes = themes.Distinct().ToList(),
                Format = format,
                Date = DateOnly.FromDateTime(date),
                UpdatedUtc = date.AddDays(random.Next(0, 60)),
            };
        }
    }

    private string Paragraphs(int words)
    {
        var sb = new System.Text.StringBuilder(words * 8);
        var sentence = 0;
        for (var w = 0; w < words; w++)
        {
            var word = Word();
            sb.Append(sentence == 0 ? Capitalise(word) : word);
            sentence++;
            if (sentence > 8 && random.Next(10) == 0)
            {
                sb.Append(random.Next(6) == 0 ? ".\n\n" : ". ");
                sentence = 0;
            }
            else
            {
                sb.Append(' ');
            }
        }

        return sb.Append('.').ToString();
    }

    private string Phrase(int words) => string.Join(' ', Enumerable.Range(0, words).Select(_ => Word()));

    // Roughly Zipfian: a few words in nearly every document, most in some.
    private string Word() => random.Next(100) < 45 ? Common[Skewed(Common.Length)] : Domain[Skewed(Domain.Length)];

    private int Skewed(int n) => (int)Math.Min(n - 1, Math.Floor(n * Math.Pow(random.NextDouble(), 2.2)));

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
