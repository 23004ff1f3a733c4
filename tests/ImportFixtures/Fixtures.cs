using static LearningPortal.Tests.ImportFixtures.F;

namespace LearningPortal.Tests.ImportFixtures;

/// <summary>The five fixtures, written for the tests in the shapes of the seeds (none of their text is copied).</summary>
public static class Fixtures
{
    public static IReadOnlyList<ImportFixture> All => [AuditBriefing(), AtAGlance(), SevenMinute(), AuditReport(), Strategy()];

    public static ImportFixture ByName(string name) => All.Single(f => f.Name == name);

    private static readonly string[] BriefingRecommendations =
    [
        "Make referrals and early help assessments describe the neglect a child lives with and what it does to them over time.",
        "Use the screening tool and the Graded Care Profile 2 early, so that neglect is named before it becomes chronic.",
        "Write plans with SMART actions and review them often enough to see whether anything has changed for the child.",
        "Bring together everything agencies know about a family, including the needs of the parents, before deciding on a plan.",
        "Offer training on neglect of disabled children and on working with parents who have learning needs.",
        "Involve families in assessments and meetings and include actions the family owns in every plan.",
        "Escalate cases where neglect persists and the plan is not making a difference.",
        "Share minutes, assessments and plans with every agency involved within the agreed timescales.",
    ];

    private static readonly string[] BriefingQuestions =
    [
        "How do you notice the early signs of neglect in the families you work with?",
        "How sure are you that the child's own view of daily life is recorded in your assessments?",
        "How do you take account of parents' own needs and history when you assess neglect?",
        "What could your team do to stop drift and delay when several agencies are involved?",
        "Does supervision help you to challenge a plan that is not working and to escalate when you need to?",
        "What training or support would help you most with neglect?",
    ];

    public static ImportFixture AuditBriefing() => new()
    {
        Name = "audit-briefing",
        RunningHeader = "Riverside Safeguarding Children Partnership - learning briefing",
        Blocks =
        [
            H("Children living with neglect: what our multi-agency audit found", 1),
            H("Introduction"),
            P("The Riverside Safeguarding Children Partnership carried out a multi-agency audit in October 2025 of the help given to children and families living with neglect."),
            P("Neglect remains the most common reason for a child protection plan in Riverside, and it is one of the partnership's priorities for 2025 to 2027."),
            H("Areas of good practice"),
            B("**Detailed referrals:** most referrals described what professionals had seen in the home, which made screening quicker."),
            B("**Working together:** health visitors, schools and early help workers shared worries early, especially about babies."),
            B("**Listening to children:** older children were helped to take part in their meetings and to say what home was like."),
            B("**Timely protection:** where the risk was high, child protection plans were put in place without delay."),
            H("Context"),
            P("12 families were chosen for the audit, with 31 children between them."),
            P("The audit looked at these key lines of enquiry (KLOE):"),
            B("The quality of referrals"),
            B("The voice of the child and the family, including culture and identity"),
            B("How neglect was recognised and what happened next"),
            B("How agencies shared information and worked together"),
            P("These agencies worked with the families and took part in the audit:"),
            B("Children's Social Care"),
            B("Early Help"),
            B("Riverside Hospital"),
            B("Health Visiting and School Nursing"),
            B("Primary and secondary schools"),
            B("Riverside Police"),
            P("The partnership's neglect subgroup will oversee the findings and the recommendations."),
            H("Areas for development"),
            B("**Clearer roles:** some agencies were unsure what was expected of them, and actions in plans were delayed."),
            B("**Better early help assessments:** assessments need to describe the child's day-to-day experience of neglect."),
            B("**Professional curiosity:** practitioners should ask what lies behind a family's difficulties."),
            B("**Reviewing long-running cases:** where neglect has gone on for a long time, plans should be reviewed and escalated."),
            H("Resources and further information"),
            P("The partnership runs a training programme on neglect for every agency. See the [training pages](https://example.org/training) for dates."),
            P("Read the [neglect screening tool guidance](javascript:alert(1)) before you use the tool."),
            T(["Course", "Length"], ["Understanding neglect", "Half a day"], ["Using the Graded Care Profile 2", "One day"]),
            H("Overall conclusion"),
            B("Agencies worked well together and acted quickly where risk was high."),
            B("Neglect was often chronic, and little had changed for many families by the time of the audit."),
            B("The screening tool and the Graded Care Profile 2 were used too rarely and too late."),
            H("Recommendations"),
            .. Ns(BriefingRecommendations),
            H("Questions for reflection"),
            .. Ns(BriefingQuestions),
            H("What should you do now"),
            N("**Use the questions for reflection in supervision and team meetings.**"),
            N("**Share what the audit found with your colleagues.**"),
            N("**Book a place on the neglect training.**"),
            H("Feedback"),
            P("Tell us what you thought of this briefing using our [feedback form](https://example.org/feedback)."),
        ],
        Recommendations = BriefingRecommendations,
        Questions = BriefingQuestions,
        Expected = new Dictionary<string, string>
        {
            ["Type"] = "LearningBriefing",
            ["Format"] = "AuditLearningBriefing",
            ["Title"] = "Children living with neglect: what our multi-agency audit found",
            ["Partnership"] = "Riverside Safeguarding Children Partnership",
            ["AuditDate"] = "2025-10",
            ["Themes"] = "neglect",
            ["SampleFamilies"] = "12",
            ["SampleChildren"] = "31",
            ["KeyLinesOfEnquiry"] = "The quality of referrals\nThe voice of the child and the family, including culture and identity\nHow neglect was recognised and what happened next\nHow agencies shared information and worked together",
            ["AgenciesInvolved"] = "Children's Social Care\nEarly Help\nRiverside Hospital\nHealth Visiting and School Nursing\nPrimary and secondary schools\nRiverside Police",
            ["GoodPractice"] = "Detailed referrals|Timely protection",
            ["AreasForDevelopment"] = "Clearer roles|Reviewing long-running cases",
            ["Conclusion"] = "Agencies worked well together|too rarely and too late",
            ["WhatToDoNow"] = "Use the questions for reflection|Book a place on the neglect training",
            ["RelatedResources"] = "training programme on neglect|Using the Graded Care Profile 2",
        },
    };

    private static readonly string[] GlanceRecommendations =
    [
        "Find new ways to engage families who turn down early help.",
        "Treat poor school attendance as a possible sign of neglect and plan with schools.",
        "Check that each agency's records about the child agree, and correct them when they do not.",
        "Share information across the whole network around the family.",
        "Challenge non-engagement with confidence and keep looking for a way in.",
        "Look hard at repeated referrals, especially when nobody has seen the home.",
        "Include fathers and other adults in the household in assessments.",
        "Focus on the harm to the child even when a criminal threshold is not met.",
    ];

    private static readonly string[] GlanceQuestions =
    [
        "What have you already tried to engage this family, and what else could you try?",
        "Are you treating low attendance as a safeguarding concern?",
        "Do the records held by different agencies tell the same story?",
        "Who else knows this family, and have you heard from them?",
        "When a family says no, do you find out why?",
        "When did anyone last see the inside of the family home?",
        "Have you met the child's father, and is he part of your assessment?",
        "Have you thought about the trauma the child may be living with?",
    ];

    public static ImportFixture AtAGlance() => new()
    {
        Name = "at-a-glance",
        StyledHeadings = false,
        RunningHeader = "Lakeside Safeguarding Children Partnership",
        Blocks =
        [
            H("Neglect multi-agency audit (March 2025)", 1),
            H("At a glance"),
            P("Audit focus: families referred again and again for support because of neglect. The audit took place in March 2025."),
            P("The audit sample was 9 children and young people from the Lakeside Safeguarding Children Partnership area."),
            H("Recommendations and considerations for practice"),
            .. GlanceRecommendations.Zip(GlanceQuestions).SelectMany(p => new[] { N(p.First), P(p.Second) }),
            H("What we hope to see in the future"),
            N("Both parents are part of every assessment."),
            N("Agencies work together when attendance is low and link it to neglect."),
            N("Records always say what the harm means for the child."),
            N("Records give an accurate account of what happened and what help was offered."),
        ],
        Recommendations = GlanceRecommendations,
        Questions = GlanceQuestions,
        Pairs = [0, 1, 2, 3, 4, 5, 6, 7],
        Expected = new Dictionary<string, string>
        {
            ["Type"] = "LearningBriefing",
            ["Format"] = "AtAGlance",
            ["Title"] = "Neglect multi-agency audit (March 2025)",
            ["Partnership"] = "Lakeside Safeguarding Children Partnership",
            ["AuditDate"] = "2025-03",
            ["Themes"] = "neglect",
            ["SampleChildren"] = "9",
        },
    };

    private static readonly string[] SevenQuestions =
    [
        "Who else is working with this child, and when did you last speak to them?",
        "How do you make sure a family understands what is being asked of them?",
        "When did you last use the Graded Care Profile 2?",
    ];

    public static ImportFixture SevenMinute() => new()
    {
        Name = "seven-minute",
        RunningHeader = "Hillside Safeguarding Partnership",
        Blocks =
        [
            H("7 minute briefing", 1),
            H("Multi-agency audit: neglect in the early years", 1),
            H("1. What can you do now?"),
            B("Keep in touch with the other professionals around a child who is experiencing neglect."),
            B("Use an interpreter whenever a family needs one."),
            B("Use the Graded Care Profile 2 in your work; [book GCP2 training](https://example.org/gcp2) if you have not done it."),
            H("2. Background"),
            P("The Hillside Safeguarding Partnership ran an audit on neglect in May to July 2022 to inform its new neglect strategy."),
            P("The children were known to these agencies:"),
            B("Hillside Children's Social Care"),
            B("Hillside Early Help"),
            B("Health Visiting"),
            B("Hillside Police"),
            B("GPs"),
            H("3. Aim of the audit"),
            P("The audit asked how well agencies respond to children living with neglect, by exploring the following questions:"),
            B("Was neglect recognised early?"),
            B("Did agencies understand the impact on the child?"),
            B("Did agencies respond to non-engagement?"),
            B("Did the help make a difference to the child's daily life?"),
            H("4. Case selection and grade"),
            P("The sample was six children under 5 years old, all known to Children's Social Care. Practice was graded requires improvement in five audits and good in one."),
            H("5. Good practice"),
            B("Practitioners knew the children well and understood what life was like for them."),
            B("Assessments were timely and described the impact of neglect."),
            H("6. Areas for development"),
            B("Assessments were mostly done by one agency alone."),
            B("Plans were not always shared with partners when they changed."),
            B("Interpreters were not always used."),
            H("7. Questions for reflection"),
            .. Ns(SevenQuestions),
        ],
        Recommendations = [],
        Questions = SevenQuestions,
        Expected = new Dictionary<string, string>
        {
            ["Type"] = "LearningBriefing",
            ["Format"] = "SevenMinuteBriefing",
            ["Title"] = "Multi-agency audit: neglect in the early years",
            ["Partnership"] = "Hillside Safeguarding Partnership",
            ["AuditDate"] = "2022-05",
            ["Themes"] = "neglect",
            ["SampleChildren"] = "6",
            ["KeyLinesOfEnquiry"] = "Was neglect recognised early?\nDid agencies understand the impact on the child?\nDid agencies respond to non-engagement?\nDid the help make a difference to the child's daily life?",
            ["AgenciesInvolved"] = "Hillside Children's Social Care\nHillside Early Help\nHealth Visiting\nHillside Police\nGPs",
            ["GoodPractice"] = "knew the children well|described the impact of neglect",
            ["AreasForDevelopment"] = "one agency alone|Interpreters were not always used",
            ["WhatToDoNow"] = "Keep in touch|book GCP2 training",
        },
    };

    private static readonly string[] ReportActions =
    [
        "The neglect subgroup takes the learning from this audit into its work plan and reports progress to the Executive by March 2021.",
        "The Executive revises the neglect toolkit to add a definition of neglect centred on the child and a section on adolescents.",
        "Children's Social Care audits 20 more children on child protection plans for neglect within three months and reports to the Executive.",
        "The neglect training includes the learning from this audit, in particular the child's daily experience and over-optimism.",
        "Each agency assures the Executive that its records allow single-agency chronologies to be used with the toolkit.",
    ];

    public static ImportFixture AuditReport() => new()
    {
        Name = "audit-report",
        RunningHeader = "Northshire Safeguarding Children Executive - neglect audit report",
        Blocks =
        [
            H("Neglect audit report 2020", 1),
            H("Introduction"),
            P("This report sets out how neglect is recognised and responded to by agencies in the Northshire Safeguarding Children Executive area."),
            P("Neglect in children's lives shows that:"),
            B("it is persistent and its harm builds up over time"),
            B("it often happens alongside other kinds of abuse"),
            B("parents may have several needs of their own"),
            H("What we did"),
            P("This small audit of 6 children took place in November 2020, during the pandemic."),
            P("After reading the agencies' audits, the reviewer agreed 3 key lines of enquiry with the Executive:"),
            N("How well are children and families involved?"),
            B("Evidence of the child's lived experience", 1),
            B("Consent and information sharing", 1),
            N("How well are children safeguarded?"),
            B("Thresholds are applied correctly", 1),
            N("How well are staff supported to improve children's lives?"),
            B("Supervision and reflective discussion", 1),
            H("Key learning: the analysis and findings"),
            H("1. How we work with children and families", 3),
            P("There was little evidence that practitioners understood the child's daily life. Work centred on the parents' needs."),
            H("Professional curiosity", 3),
            P("Practitioners often took what parents said at face value and did not ask what else might be happening."),
            H("2. How we safeguard children", 3),
            P("Every child's situation showed drift and delay: events were handled one at a time and little changed."),
            T(["Theme", "Seen in"], ["Drift and delay", "All 6 children"], ["Toolkit used", "None"]),
            H("Action plan"),
            P("The audit recommends that the Executive oversees the following actions."),
            .. Ns(ReportActions),
            P("Report author, December 2020"),
        ],
        Recommendations = ReportActions,
        Questions = [],
        Expected = new Dictionary<string, string>
        {
            ["Type"] = "LearningBriefing",
            ["Format"] = "AuditReport",
            ["Title"] = "Neglect audit report 2020",
            ["Partnership"] = "Northshire Safeguarding Children Executive",
            ["AuditDate"] = "2020-11",
            ["Themes"] = "neglect",
            ["SampleChildren"] = "6",
            ["KeyLinesOfEnquiry"] = "How well are children and families involved?\nHow well are children safeguarded?\nHow well are staff supported to improve children's lives?",
        },
    };

    public static ImportFixture Strategy() => new()
    {
        Name = "strategy",
        StyledHeadings = false,
        RunningHeader = "Eastvale neglect strategy",
        Blocks =
        [
            H("Eastvale neglect strategy 2024 to 2027", 1),
            H("Introduction"),
            P("Neglect is the most common form of child maltreatment. The Eastvale Safeguarding Children Partnership wants every child who is neglected to be noticed and helped in good time."),
            P("The strategy aims to:"),
            B("raise awareness of neglect"),
            B("improve how neglect is recognised and assessed"),
            B("measure the difference the strategy makes"),
            H("Definition"),
            P("The partnership uses the definition of neglect in the statutory guidance: the persistent failure to meet a child's basic physical or emotional needs, likely to harm the child's health or development."),
            B("not providing enough food, clothing or shelter"),
            B("not protecting a child from harm"),
            H("Strategic objectives"),
            P("The strategy has five objectives."),
            H("Objective 1: To raise awareness and understanding of neglect across all agencies.", 3),
            P("Every agency should share one language for talking about neglect and know how to escalate a concern."),
            H("Objective 2: To recognise children living with neglect early.", 3),
            P("Practitioners should tell poverty apart from neglect and use an early help assessment where more than one agency is needed."),
            H("Objective 3: To improve the quality of assessment where neglect is suspected.", 3),
            P("Assessments should start from the child's experience and use a chronology of past concerns."),
            H("Objective 4: To make plans for neglected children consistent and effective.", 3),
            P("Plans should be outcome focused, SMART and reviewed regularly."),
            H("Objective 5: To measure the impact of this strategy on outcomes for children.", 3),
            P("Each agency names a neglect champion to check its own practice."),
            P("Evidence that the strategy is succeeding would include:"),
            B("fewer children on a second child protection plan for neglect"),
            B("fewer re-referrals for neglect after an assessment"),
            B("more early help assessments completed by each agency"),
            H("Review"),
            P("This strategy will be reviewed in April 2027 by the partnership's quality subgroup."),
        ],
        Recommendations = [],
        Questions = [],
        Expected = new Dictionary<string, string>
        {
            ["Type"] = "Strategy",
            ["Title"] = "Eastvale neglect strategy 2024 to 2027",
            ["Partnership"] = "Eastvale Safeguarding Children Partnership",
            ["Definition"] = "persistent failure to meet a child's basic|not protecting a child from harm",
            ["Objectives"] = "To raise awareness and understanding of neglect across all agencies.\nTo recognise children living with neglect early.\nTo improve the quality of assessment where neglect is suspected.\nTo make plans for neglected children consistent and effective.\nTo measure the impact of this strategy on outcomes for children.",
            ["MeasuresOfSuccess"] = "fewer children on a second child protection plan for neglect\nfewer re-referrals for neglect after an assessment\nmore early help assessments completed by each agency",
            ["ReviewDate"] = "2027-04",
        },
    };

    /// <summary>
    /// A short briefing with two pictures, not one of the five (it has no fields to score): a chart under the findings,
    /// which needs alt text, and the partnership's logo at the end, which is decorative.
    /// </summary>
    public static ImportFixture WithImages() => new()
    {
        Name = "images",
        Blocks =
        [
            H("Learning from referrals about neglect", 1),
            H("Background"),
            P("The Riverside Safeguarding Children Partnership audited the neglect referrals of 12 families in October 2025."),
            H("What we found"),
            P("Referrals about neglect rose steadily over three years."),
            Img(TestImages.Chart()),
            P("Most of the rise came from schools and health visitors."),
            H("Recommendations"),
            .. Ns("Share the referral figures with every agency each quarter.", "Train designated leads to describe the impact of neglect in a referral."),
            H("Questions for reflection"),
            .. Bs("What do you see first when a child is neglected?", "How do you describe it in a referral?"),
            H("Contact"),
            P("Write to the partnership business unit with any questions."),
            Img(TestImages.Logo()),
        ],
        Recommendations = ["Share the referral figures with every agency each quarter.", "Train designated leads to describe the impact of neglect in a referral."],
        Questions = ["What do you see first when a child is neglected?", "How do you describe it in a referral?"],
        Expected = new Dictionary<string, string>(),
    };
}
