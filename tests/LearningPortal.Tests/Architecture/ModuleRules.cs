namespace LearningPortal.Tests.Architecture;

/// <summary>
/// The module rules in one place: the modules, the shared parts any module may use, which module may call which,
/// and the shared tables any module may write. <see cref="ModuleBoundaryTests"/> checks the code against this table;
/// a new edge between modules is a line here, seen in review, not an accident.
/// </summary>
public static class ModuleRules
{
    /// <summary>The modules of <c>LearningPortal.Core</c>, each a namespace under it (and its sub-namespaces).</summary>
    public static readonly string[] Modules = ["Content", "Training", "Supervision", "Feedback", "Accounts", "ActionPlans"];

    /// <summary>Shared parts of Core that every module may use; they use no module themselves (except Data, which maps them all).</summary>
    public static readonly string[] Shared = ["Data", "Email", "Jobs", "Auditing", "Search", "Notifications", "Reporting", "Time", "Settings"];

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
        ],
        ["Feedback"] =
        [
            ("Accounts", "invitations go to people; responses carry the person's agency, never the person"),
            ("Training", "attending a session (SessionAttended) invites the attendee to evaluate it; and ISiteAddress, see below"),
        ],
        ["Supervision"] =
        [
            ("Accounts", "records have a supervisor and participants"),
            ("Content", "a discussion is about a published briefing and its questions for reflection"),
            ("Training", "ISiteAddress only (links in reminder emails); it belongs in a shared part, not yet moved"),
        ],
        ["ActionPlans"] =
        [
            ("Accounts", "plans have editors and actions have owners"),
            ("Content", "objectives link to published content and watch for it being published"),
            ("Training", "ISiteAddress only (links in emails); it belongs in a shared part, not yet moved"),
        ],
    };

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
