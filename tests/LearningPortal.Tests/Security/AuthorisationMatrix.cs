namespace LearningPortal.Tests.Security;

public enum Access
{
    /// <summary>The request passed authorisation (200, a redirect elsewhere, or 404 for a sample id).</summary>
    Allowed,

    /// <summary>Redirected to /account/sign-in.</summary>
    SignIn,

    /// <summary>403 and the branded "You do not have permission" page.</summary>
    Forbidden,

    /// <summary>Redirected to set up two-factor sign-in or to its second step (PortalPolicies.TwoFactor).</summary>
    SecondFactor,

    /// <summary>Never expected: a 5xx.</summary>
    ServerError,
}

/// <summary>
/// Expected outcome per role for one endpoint, and a URL that reaches it. Every row states what each role gets, the
/// Agency lead included (an Agency lead signs in with two factors, as Editors and Administrators do).
/// </summary>
public sealed record Rule(string SampleUrl, Access Anonymous, Access Practitioner, Access Supervisor, Access Editor, Access Administrator, Access AgencyLead)
{
    public Access For(string role) => role switch
    {
        "Anonymous" => Anonymous,
        "Practitioner" => Practitioner,
        "Supervisor" => Supervisor,
        "Editor" => Editor,
        "Administrator" => Administrator,
        "Agency lead" => AgencyLead,
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    /// <summary>Anyone, signed in or not.</summary>
    public static Rule Public(string url) => new(url, Access.Allowed, Access.Allowed, Access.Allowed, Access.Allowed, Access.Allowed, AgencyLead: Access.Allowed);

    /// <summary>Any signed-in user.</summary>
    public static Rule SignedIn(string url) => new(url, Access.SignIn, Access.Allowed, Access.Allowed, Access.Allowed, Access.Allowed, AgencyLead: Access.Allowed);

    /// <summary>
    /// Any user signed in with a second factor. The matrix's Practitioner and Supervisor have none, so they are sent to set
    /// it up; its Editor, Administrator and Agency lead must have one (PortalRoles.NeedTwoFactor) and signed in with it.
    /// </summary>
    public static Rule TwoFactor(string url) => new(url, Access.SignIn, Access.SecondFactor, Access.SecondFactor, Access.Allowed, Access.Allowed, AgencyLead: Access.Allowed);

    public static Rule Supervisors(string url) => new(url, Access.SignIn, Access.Forbidden, Access.Allowed, Access.Forbidden, Access.Forbidden, AgencyLead: Access.Forbidden);

    /// <summary>Supervisors who signed in with a second factor; everyone else signed in is forbidden.</summary>
    public static Rule SupervisorsTwoFactor(string url) => new(url, Access.SignIn, Access.Forbidden, Access.SecondFactor, Access.Forbidden, Access.Forbidden, AgencyLead: Access.Forbidden);

    public static Rule Editors(string url) => new(url, Access.SignIn, Access.Forbidden, Access.Forbidden, Access.Allowed, Access.Forbidden, AgencyLead: Access.Forbidden);

    /// <summary>Partnership staff and administrators (the /manage landing page); an Agency lead is not partnership staff.</summary>
    public static Rule Staff(string url) => new(url, Access.SignIn, Access.Forbidden, Access.Forbidden, Access.Allowed, Access.Allowed, AgencyLead: Access.Forbidden);

    public static Rule Administrators(string url) => new(url, Access.SignIn, Access.Forbidden, Access.Forbidden, Access.Forbidden, Access.Allowed, AgencyLead: Access.Forbidden);

    /// <summary>Administrators who signed in with a second factor (as the matrix's Administrator did); everyone else signed in is forbidden.</summary>
    public static Rule AdministratorsTwoFactor(string url) => new(url, Access.SignIn, Access.Forbidden, Access.Forbidden, Access.Forbidden, Access.Allowed, AgencyLead: Access.Forbidden);

    /// <summary>Agency leads signed in with a second factor (the /assurance pages); everyone else signed in is forbidden.</summary>
    public static Rule AgencyLeads(string url) => new(url, Access.SignIn, Access.Forbidden, Access.Forbidden, Access.Forbidden, Access.Forbidden, AgencyLead: Access.Allowed);

    /// <summary>Editors and Agency leads (assurance evidence files: each file then decides, so a sample key is not found).</summary>
    public static Rule EditorsAndAgencyLeads(string url) => new(url, Access.SignIn, Access.Forbidden, Access.Forbidden, Access.Allowed, Access.Forbidden, AgencyLead: Access.Allowed);
}

/// <summary>
/// Who may use each endpoint, keyed by route pattern. Add a row with every new page or endpoint;
/// the matrix test fails for a mapped endpoint without one.
/// </summary>
public static class AuthorisationMatrix
{
    /// <summary>An identifier for routes that take one; authorisation is decided before the page looks it up.</summary>
    public const string SampleId = "00000000-0000-0000-0000-000000000000";

    public static IReadOnlyDictionary<string, Rule> Rules { get; } = new Dictionary<string, Rule>
    {
        ["/"] = Rule.Public("/"),
        ["/{*path}"] = Rule.Public("/no-such-page-for-matrix"),
        ["/health"] = Rule.Public("/health"),
        ["/health/live"] = Rule.Public("/health/live"),
        ["/health/ready"] = Rule.Public("/health/ready"),
        ["/error/{code:int?}"] = Rule.Public("/error/404"),
        ["/{slug}"] = Rule.Public("/accessibility"),
        ["/learning"] = Rule.Public("/learning"),
        ["/learning/index"] = Rule.Public("/learning/index"),
        ["/learning/feed.xml"] = Rule.Public("/learning/feed.xml"),
        ["/learning/{slug}"] = Rule.Public("/learning/no-such-briefing"),
        ["/learning/{slug}/versions/{number:int}"] = Rule.Public("/learning/no-such-briefing/versions/1"),
        ["/media/{id:int}/{name}"] = Rule.Public("/media/1/no-such-file.pdf"),
        // A file is public once a published document uses it; before, only Editors (each file decides: 404 otherwise).
        ["/media/{id:int}/{key}/{name}"] = Rule.Public("/media/1/00000000000000000000000000000000/no-such-file.pdf"),
        ["/.well-known/security.txt"] = Rule.Public("/.well-known/security.txt"),
        ["/sitemap.xml"] = Rule.Public("/sitemap.xml"),
        ["/strategy"] = Rule.Public("/strategy"),
        ["/strategy/index"] = Rule.Public("/strategy/index"),
        ["/strategy/{slug}"] = Rule.Public("/strategy/no-such-strategy"),
        ["/toolkit"] = Rule.Public("/toolkit"),
        ["/toolkit/index"] = Rule.Public("/toolkit/index"),
        ["/toolkit/{slug}"] = Rule.Public("/toolkit/no-such-resource"),
        ["/cookies"] = Rule.Public("/cookies"),
        ["/account/create"] = Rule.Public("/account/create"),
        ["/account/check-your-email"] = Rule.Public("/account/check-your-email"),
        ["/account/confirm-email"] = Rule.Public($"/account/confirm-email?userId={SampleId}&code=x"),
        ["/account/resend-confirmation"] = Rule.Public("/account/resend-confirmation"),
        ["/account/sign-in"] = Rule.Public("/account/sign-in"),
        ["/account/sign-out"] = Rule.Public("/account/sign-out"),
        ["/account/signed-out"] = Rule.Public("/account/signed-out"),
        ["/account/forgotten-password"] = Rule.Public("/account/forgotten-password"),
        ["/account/reset-password"] = Rule.Public($"/account/reset-password?userId={SampleId}&code=x"),
        ["/account/password-reset-complete"] = Rule.Public("/account/password-reset-complete"),
        ["/account/confirm-email-change"] = Rule.Public($"/account/confirm-email-change?userId={SampleId}&email=x%40example.org&code=x"),
        ["/account/deleted"] = Rule.Public("/account/deleted"),
        ["/account/undo-email-change"] = Rule.Public("/account/undo-email-change?key=x"),
        ["/account"] = Rule.SignedIn("/account"),
        ["/account/index"] = Rule.SignedIn("/account/index"),
        ["/account/change-details"] = Rule.SignedIn("/account/change-details"),
        ["/account/change-line-manager"] = Rule.SignedIn("/account/change-line-manager"),
        ["/account/change-password"] = Rule.SignedIn("/account/change-password"),
        ["/account/change-email"] = Rule.SignedIn("/account/change-email"),
        ["/account/delete"] = Rule.SignedIn("/account/delete"),
        ["/account/my-data"] = Rule.SignedIn("/account/my-data"),
        ["/account/two-factor"] = Rule.SignedIn("/account/two-factor"),
        // The learning record (issue 15): each person's own; a sample id is not found for everyone.
        ["/account/learning"] = Rule.SignedIn("/account/learning"),
        ["/account/learning/index"] = Rule.SignedIn("/account/learning/index"),
        ["/account/learning/add"] = Rule.SignedIn("/account/learning/add"),
        ["/account/learning/cpd-log"] = Rule.SignedIn("/account/learning/cpd-log"),
        ["/account/learning/{id:int}"] = Rule.SignedIn("/account/learning/0"),
        ["/account/learning/{id:int}/delete"] = Rule.SignedIn("/account/learning/0/delete"),
        ["/learning/{slug}/reflect"] = Rule.SignedIn("/learning/no-such-briefing/reflect"),
        // The read beacon takes POST only (a GET is not found for everyone); anyone's read is counted.
        ["/reads/{documentId:int}"] = Rule.Public("/reads/0"),
        ["/account/security"] = Rule.SignedIn("/account/security"),
        ["/account/two-factor/passkeys/{id}/rename"] = Rule.SignedIn($"/account/two-factor/passkeys/{SampleId}/rename"),
        ["/account/two-factor/passkeys/{id}/remove"] = Rule.SignedIn($"/account/two-factor/passkeys/{SampleId}/remove"),
        // The second step of signing in: without a password first it goes back to sign-in; the matrix's signed-in
        // users have no second factor, so both pages send them to set one up.
        ["/account/sign-in/two-factor"] = Rule.TwoFactor("/account/sign-in/two-factor"),
        ["/account/sign-in/recovery-code"] = Rule.TwoFactor("/account/sign-in/recovery-code"),

        // Identity's cookie names this page; it answers 403 with the "no permission" page to everyone.
        ["/account/access-denied"] = new("/account/access-denied", Access.Forbidden, Access.Forbidden, Access.Forbidden, Access.Forbidden, Access.Forbidden, AgencyLead: Access.Forbidden),

        // The back office: the landing page for partnership staff and administrators; accounts, agencies and the audit log for administrators.
        ["/manage"] = Rule.Staff("/manage"),
        ["/manage/index"] = Rule.Staff("/manage/index"),
        ["/manage/users"] = Rule.Administrators("/manage/users"),
        ["/manage/users/index"] = Rule.Administrators("/manage/users/index"),
        ["/manage/users/{id}"] = Rule.Administrators($"/manage/users/{SampleId}"),
        ["/manage/users/{id}/roles"] = Rule.Administrators($"/manage/users/{SampleId}/roles"),
        ["/manage/users/{id}/agency"] = Rule.Administrators($"/manage/users/{SampleId}/agency"),
        ["/manage/users/{id}/disable"] = Rule.Administrators($"/manage/users/{SampleId}/disable"),
        ["/manage/users/{id}/enable"] = Rule.Administrators($"/manage/users/{SampleId}/enable"),
        ["/manage/users/{id}/reset-two-factor"] = Rule.AdministratorsTwoFactor($"/manage/users/{SampleId}/reset-two-factor"),
        ["/manage/users/{id}/personal-data"] = Rule.AdministratorsTwoFactor($"/manage/users/{SampleId}/personal-data"),
        ["/manage/agencies"] = Rule.Administrators("/manage/agencies"),
        ["/manage/agencies/index"] = Rule.Administrators("/manage/agencies/index"),
        ["/manage/agencies/add"] = Rule.Administrators("/manage/agencies/add"),
        ["/manage/agencies/{id:int}/rename"] = Rule.Administrators("/manage/agencies/1/rename"),
        ["/manage/agencies/{id:int}/{change}"] = Rule.Administrators("/manage/agencies/1/retire"),
        ["/manage/audit"] = Rule.Administrators("/manage/audit"),
        ["/manage/audit/index"] = Rule.Administrators("/manage/audit/index"),
        // Training (issue 5): the programme and course pages are public; booking and My training need an
        // account; the line manager's approval page is public (the token in its link is the permission).
        ["/training"] = Rule.Public("/training"),
        ["/training/index"] = Rule.Public("/training/index"),
        ["/training/{courseSlug}"] = Rule.Public("/training/no-such-course"),
        ["/training/{courseSlug}/book"] = Rule.SignedIn("/training/no-such-course/book"),
        ["/training/book/{sessionId:int}/your-details"] = Rule.SignedIn("/training/book/0/your-details"),
        ["/training/book/{sessionId:int}/line-manager"] = Rule.SignedIn("/training/book/0/line-manager"),
        ["/training/book/{sessionId:int}/needs"] = Rule.SignedIn("/training/book/0/needs"),
        ["/training/book/{sessionId:int}/check"] = Rule.SignedIn("/training/book/0/check"),
        ["/training/book/{sessionId:int}/confirmation"] = Rule.SignedIn("/training/book/0/confirmation"),
        ["/training/my"] = Rule.SignedIn("/training/my"),
        ["/training/my/index"] = Rule.SignedIn("/training/my/index"),
        ["/training/my/{bookingId:int}"] = Rule.SignedIn("/training/my/0"),
        ["/training/my/{bookingId:int}/cancel"] = Rule.SignedIn("/training/my/0/cancel"),
        ["/training/my/{bookingId:int}/certificate"] = Rule.SignedIn("/training/my/0/certificate"),
        ["/training/approval/{token}"] = Rule.Public("/training/approval/not-a-real-token"),
        ["/manage/training"] = Rule.Editors("/manage/training"),
        ["/manage/feedback"] = Rule.Editors("/manage/feedback"),
        ["/manage/feedback/new"] = Rule.Editors("/manage/feedback/new"),
        ["/manage/feedback/{id:int}"] = Rule.Editors("/manage/feedback/0"),
        ["/manage/feedback/{id:int}/details"] = Rule.Editors("/manage/feedback/0/details"),
        ["/manage/feedback/{id:int}/status"] = Rule.Editors("/manage/feedback/0/status"),
        ["/manage/feedback/{id:int}/question/{questionId:int?}"] = Rule.Editors("/manage/feedback/0/question"),
        ["/manage/feedback/{id:int}/analysis"] = Rule.Editors("/manage/feedback/0/analysis"),
        ["/manage/impact"] = Rule.Editors("/manage/impact"),
        ["/manage/impact/briefings/{slug}"] = Rule.Editors("/manage/impact/briefings/no-such-briefing"),
        ["/manage/impact/objectives/{id:guid}"] = Rule.Editors("/manage/impact/objectives/00000000-0000-0000-0000-000000000000"),
        ["/manage/impact/report"] = Rule.Editors("/manage/impact/report"),
        ["/manage/impact/gcp2-targets"] = Rule.Editors("/manage/impact/gcp2-targets"),
        ["/manage/impact/outcomes"] = Rule.Editors("/manage/impact/outcomes"),
        ["/manage/impact/outcomes/{objective:guid}/add"] = Rule.Editors("/manage/impact/outcomes/00000000-0000-0000-0000-000000000000/add"),
        ["/manage/impact/outcomes/{objective:guid}/{id:int}"] = Rule.Editors("/manage/impact/outcomes/00000000-0000-0000-0000-000000000000/0"),
        ["/manage/impact/outcomes/{objective:guid}/{id:int}/delete"] = Rule.Editors("/manage/impact/outcomes/00000000-0000-0000-0000-000000000000/0/delete"),
        ["/manage/actions"] = Rule.Editors("/manage/actions"),
        ["/manage/actions/index"] = Rule.Editors("/manage/actions/index"),
        ["/manage/actions/plans"] = Rule.Editors("/manage/actions/plans"),
        ["/manage/actions/report"] = Rule.Editors("/manage/actions/report"),
        ["/manage/actions/report.csv"] = Rule.Editors("/manage/actions/report.csv"),
        ["/manage/actions/report/plans/{id:int}"] = Rule.Editors("/manage/actions/report/plans/0"),
        ["/manage/actions/plans/new"] = Rule.Editors("/manage/actions/plans/new"),
        ["/manage/actions/plans/{id:int}"] = Rule.Editors("/manage/actions/plans/0"),
        ["/manage/actions/plans/{id:int}/change"] = Rule.Editors("/manage/actions/plans/0/change"),
        ["/manage/actions/plans/{id:int}/add-action"] = Rule.Editors("/manage/actions/plans/0/add-action"),
        ["/manage/actions/plans/{id:int}/from-recommendations"] = Rule.Editors("/manage/actions/plans/0/from-recommendations"),
        ["/manage/actions/{id:int}"] = Rule.Editors("/manage/actions/0"),
        ["/manage/actions/{id:int}/change"] = Rule.Editors("/manage/actions/0/change"),
        ["/manage/actions/assurance"] = Rule.Editors("/manage/actions/assurance"),
        ["/manage/actions/assurance/new"] = Rule.Editors("/manage/actions/assurance/new"),
        ["/manage/actions/assurance/{id:int}"] = Rule.Editors("/manage/actions/assurance/0"),
        ["/manage/actions/groups"] = Rule.Editors("/manage/actions/groups"),
        ["/manage/actions/groups/add"] = Rule.Editors("/manage/actions/groups/add"),
        ["/manage/actions/groups/{id:int}/rename"] = Rule.Editors("/manage/actions/groups/0/rename"),
        ["/manage/actions/groups/{id:int}/{change}"] = Rule.Editors("/manage/actions/groups/0/retire"),
        ["/manage/actions/objectives"] = Rule.Editors("/manage/actions/objectives"),
        ["/manage/actions/objectives/{id:guid}"] = Rule.Editors("/manage/actions/objectives/3f0c1a52-7d1e-4a8b-9c21-1b6e2a0d4f01"),
        // Assurance (issue 14): an Agency lead answers for their own agency; a request of another agency is not found.
        ["/assurance"] = Rule.AgencyLeads("/assurance"),
        ["/assurance/{id:int}"] = Rule.AgencyLeads("/assurance/0"),
        ["/assurance/{id:int}/evidence/{key:guid}"] = Rule.EditorsAndAgencyLeads("/assurance/0/evidence/" + SampleId),
        ["/actions"] = Rule.SignedIn("/actions"),
        ["/actions/index"] = Rule.SignedIn("/actions/index"),
        ["/actions/{id:int}"] = Rule.SignedIn("/actions/0"),
        ["/actions/{id:int}/update"] = Rule.SignedIn("/actions/0/update"),
        ["/actions/{id:int}/evidence/{key:guid}"] = Rule.SignedIn("/actions/0/evidence/" + SampleId),
        // The answering page asks for sign-in itself unless it has a personal link (?token=); an unknown form is 404 for everyone.
        ["/feedback/{slug}"] = Rule.Public("/feedback/no-such-form"),
        ["/feedback/{slug}/thank-you"] = Rule.Public("/feedback/no-such-form/thank-you"),
        ["/manage/training/index"] = Rule.Editors("/manage/training/index"),
        ["/manage/training/courses/edit/{id:int?}"] = Rule.Editors("/manage/training/courses/edit"),
        ["/manage/training/courses/{id:int}"] = Rule.Editors("/manage/training/courses/0"),
        ["/manage/training/sessions/edit/{id:int?}"] = Rule.Editors("/manage/training/sessions/edit/0"),
        ["/manage/training/sessions/{id:int}"] = Rule.Editors("/manage/training/sessions/0"),
        ["/manage/training/sessions/{id:int}/cancel"] = Rule.Editors("/manage/training/sessions/0/cancel"),
        ["/manage/training/sessions/{id:int}/register"] = Rule.Editors("/manage/training/sessions/0/register"),
        ["/manage/training/sessions/{id:int}/sign-in-sheet"] = Rule.Editors("/manage/training/sessions/0/sign-in-sheet"),
        ["/manage/training/reports"] = Rule.Editors("/manage/training/reports"),
        ["/manage/training/gcp2-register"] = Rule.Editors("/manage/training/gcp2-register"),

        ["/search"] = Rule.Public("/search?q=neglect"),
        ["/manage/search"] = Rule.Staff("/manage/search"),

        ["/manage/content"] = Rule.Editors("/manage/content"),
        ["/manage/content/index"] = Rule.Editors("/manage/content/index"),
        ["/manage/content/new"] = Rule.Editors("/manage/content/new"),
        ["/manage/content/new/{type}"] = Rule.Editors("/manage/content/new/learning-briefing"),
        ["/manage/content/{id:int}"] = Rule.Editors("/manage/content/1"),
        ["/manage/content/{id:int}/publish"] = Rule.Editors("/manage/content/1/publish"),
        ["/manage/content/{id:int}/history"] = Rule.Editors("/manage/content/1/history"),
        ["/manage/content/redirects"] = Rule.Editors("/manage/content/redirects"),
        ["/manage/content/redirects/{id:int}/remove"] = Rule.Editors("/manage/content/redirects/1/remove"),
        ["/manage/content/settings"] = Rule.Editors("/manage/content/settings"),
        ["/manage/content/import"] = Rule.Editors("/manage/content/import"),
        ["/manage/content/import/{id:int}"] = Rule.Editors("/manage/content/import/1"),
        ["/manage/media"] = Rule.Editors("/manage/media"),
        ["/manage/media/index"] = Rule.Editors("/manage/media/index"),
        ["/manage/media/upload"] = Rule.Editors("/manage/media/upload"),
        ["/manage/media/{id:int}"] = Rule.Editors("/manage/media/1"),
        ["/manage/media/{id:int}/details"] = Rule.Editors("/manage/media/1/details"),
        ["/manage/media/{id:int}/replace"] = Rule.Editors("/manage/media/1/replace"),
        ["/manage/media/{id:int}/delete"] = Rule.Editors("/manage/media/1/delete"),

        // Supervision (issue 6): anyone signed in with a second factor has a supervision home, My actions and an
        // export (each record then decides who reads it: a sample id is not found for everyone); recording also
        // needs the Supervisor role; the dashboard (counts only) and standing question sets are for Editors.
        ["/supervision"] = Rule.TwoFactor("/supervision"),
        ["/supervision/index"] = Rule.TwoFactor("/supervision/index"),
        ["/supervision/records/{id:int}"] = Rule.TwoFactor("/supervision/records/0"),
        ["/supervision/actions"] = Rule.TwoFactor("/supervision/actions"),
        ["/supervision/actions/{id:int}/done"] = Rule.TwoFactor("/supervision/actions/0/done"),
        ["/supervision/export"] = Rule.TwoFactor("/supervision/export"),
        ["/supervision/recording/new"] = Rule.SupervisorsTwoFactor("/supervision/recording/new"),
        ["/supervision/recording/{id:int}/edit"] = Rule.SupervisorsTwoFactor("/supervision/recording/0/edit"),
        ["/supervision/recording/{id:int}/set-up"] = Rule.SupervisorsTwoFactor("/supervision/recording/0/set-up"),
        ["/manage/supervision"] = Rule.Editors("/manage/supervision"),
        ["/manage/supervision/index"] = Rule.Editors("/manage/supervision/index"),
        ["/manage/supervision/question-sets"] = Rule.Editors("/manage/supervision/question-sets"),
        ["/manage/supervision/question-sets/edit/{id:int?}"] = Rule.Editors("/manage/supervision/question-sets/edit"),
    };
}
