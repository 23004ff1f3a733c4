namespace LearningPortal.Tests.Architecture;

/// <summary>
/// The module rules in one place: the modules, the shared parts any module may use, which module may call which,
/// and the shared tables any module may write. <see cref="ModuleBoundaryTests"/> checks the code against this table;
/// a new edge between modules is a line here, seen in review, not an accident.
/// </summary>
public static class ModuleRules
{
    /// <summary>The modules of <c>LearningPortal.Core</c>, each a namespace under it (and its sub-namespaces).</summary>
    public static readonly string[] Modules = ["Content", "Training", "Supervision", "Feedback", "Accounts", "ActionPlans", "Impact", "Privacy"];

    /// <summary>Shared parts of Core that every module may use (Common holds the one result shape, <c>Outcome</c>); they use no module themselves (except Data, which maps them all).</summary>
    public static readonly string[] Shared = ["Common", "Data", "Email", "Jobs", "Auditing", "Search", "Notifications", "Reporting", "Time", "Settings"];

    /// <summary>
    /// The calls allowed from one module into another (a module always uses itself and the shared parts), and why.
    /// Everything else is refused by the test.
    /// </summary>
    public static readonly Dictionary<string, (string Module, string Why)[]> AllowedCalls = new()
    {
        ["Accounts"] = [],
        ["Content"] =
        [
            ("Accounts", "documents record who wrote and published them (PortalUser, roles)"),
            ("Feedback", "a briefing names its feedback form; the editor checks that the form exists"),
        ],
        ["Training"] =
        [
            ("Accounts", "bookings, approvals and registers belong to people and their line managers"),
            ("Content", "course descriptions are Markdown, rendered and sanitised by Content's renderer"),
            ("Feedback", "a course names its evaluation form; saving checks that the form exists"),
            ("Impact", "marking attendance writes the learning record's copy, and every change to a session's places the booking copies, in the same transaction (ImpactFeed)"),
        ],
        ["Feedback"] =
        [
            ("Accounts", "invitations go to people; responses carry the person's agency, never the person"),
            ("Training", "attending a session (SessionAttended) invites the attendee to evaluate it; and ISiteAddress, see below"),
            ("Impact", "storing a response writes Impact's copy of its figures in the same transaction (ImpactFeed)"),
        ],
        ["Supervision"] =
        [
            ("Accounts", "records have a supervisor and participants"),
            ("Content", "a discussion is about a published briefing and its questions for reflection"),
            ("Training", "ISiteAddress only (links in reminder emails); it belongs in a shared part, not yet moved"),
            ("Impact", "finalising a record writes the learning record's copy in the same transaction (ImpactFeed)"),
        ],
        ["ActionPlans"] =
        [
            ("Accounts", "plans have editors and actions have owners"),
            ("Content", "objectives link to published content and watch for it being published"),
            ("Training", "ISiteAddress only (links in emails); it belongs in a shared part, not yet moved"),
        ],
        ["Impact"] =
        [
            ("Accounts", "the learning record belongs to a person"),
            ("Content", "reads and reflections are of published documents"),
            ("Training", "the feed takes the register's own types; rebuild-impact rebuilds the copies from the registers"),
            ("Supervision", "the feed takes the record's own types; rebuild-impact rebuilds the copies from the records; "
                + "a briefing's reflection figures ask SupervisionDashboard for the actions agreed in the discussions Impact counted"),
            ("ActionPlans", "outcome figures are entered per objective (its title and measures of success); objective pages gather its linked briefings and courses"),
            ("Feedback", "the feed takes the answers' question types; rebuild-impact rebuilds the feedback copies from the responses"),
        ],
        ["Privacy"] =
        [
            ("Accounts", "subject access and retention are about a person's account"),
            ("Content", "subject access: what a person wrote or read"),
            ("Training", "subject access and retention: bookings, registers and certificates"),
            ("Feedback", "subject access: a person's answers to named forms"),
            ("Supervision", "subject access: the records a person is in (their own reflections only)"),
            ("ActionPlans", "subject access: actions a person leads and updates they wrote"),
            ("Impact", "subject access: the learning record"),
        ],
    };

    /// <summary>
    /// Writes to another module's tables that the law asks of one module, and why. Retention reaches every module's
    /// personal data on one schedule (the privacy notice's periods), so the rule lives in one place.
    /// </summary>
    public static readonly (string Writer, string Entity, string Why)[] CrossWrites =
    [
        ("Privacy", "LearningPortal.Core.Accounts.PortalUser", "retention warns, then deletes, accounts nobody uses"),
        ("Privacy", "LearningPortal.Core.Training.Booking", "retention anonymises bookings after the booking period"),
        ("Privacy", "LearningPortal.Core.Training.ApprovalRequest", "retention anonymises approvals with their bookings"),
        ("Privacy", "LearningPortal.Core.Training.AttendanceRecord", "retention anonymises registers after the booking period"),
        ("Privacy", "LearningPortal.Core.Training.Gcp2RegisterEntry", "retention anonymises the GCP2 register after the booking period"),
        ("Privacy", "LearningPortal.Core.Feedback.FeedbackInvitation", "retention deletes invitations with the bookings they were for"),
        ("Privacy", "LearningPortal.Core.ActionPlans.ActionHistoryEntry", "retention deletes action history after its period"),
        ("Privacy", "LearningPortal.Core.Impact.BriefingRead", "retention unlinks reads from their reader after a year, keeping them as counts"),
    ];

    /// <summary>The modules a shared part may use, and why (a shared part uses no module otherwise; Data maps them all).</summary>
    public static readonly Dictionary<string, (string Module, string Why)[]> SharedUses = new()
    {
        ["Auditing"] = [("Accounts", "audit rows keep the user id and show the person's current name when displayed")],
    };

    /// <summary>Tables any module writes, in the same transaction as the change that causes the write.</summary>
    public static readonly (string Entity, string Why)[] SharedTables =
    [
        ("LearningPortal.Core.Email.OutboxMessage", "email is queued with the change that causes it"),
        ("LearningPortal.Core.Search.SearchJournalEntry", "a searchable item's change is journalled with the change"),
        ("LearningPortal.Core.Auditing.AuditEntry", "every audited action writes its line with the action"),
        ("LearningPortal.Core.Settings.SiteSetting", "a module keeps its own generated settings (keys under its name, e.g. feedback's marker key)"),
    ];
}
