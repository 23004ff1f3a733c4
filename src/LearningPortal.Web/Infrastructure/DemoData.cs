using LearningPortal.Core.ActionPlans;
using LearningPortal.Core.Auditing;
using LearningPortal.Core.Content;
using LearningPortal.Core.Feedback;
using LearningPortal.Core.Impact;
using LearningPortal.Core.Settings;
using LearningPortal.Core.Supervision;
using LearningPortal.Core.Time;
using LearningPortal.Core.Training;
using Microsoft.AspNetCore.Identity;

namespace LearningPortal.Web.Infrastructure;

/// <summary>What the demo data holds after a run (totals in the database, not what this run added).</summary>
public sealed record DemoDataTotals(int People, int Reads, int AnonymousViews, int Reflections, int Sessions, int Bookings, int Attended, int NoShows,
    int Responses, int Discussions, int AgreedActions, int ActionUpdates, int OutcomeFigures);

/// <summary>
/// REVIEW: development shortcut, Development only. A year of made-up activity up to the day of the first run, so the
/// impact pages, feedback analysis and supervision dashboard show meaningful figures on a fresh machine: people across
/// the agencies, briefing reads and "read and reflected" marks, past training sessions with bookings, a register and
/// evaluations, supervision discussions with questions, confidence and actions, and progress on the starter action
/// plans. Everything goes through the modules' own services, with <see cref="DemoClock"/> moved to the day it happens.
/// Deterministic (a fixed seed and the first run's date, kept in the site settings) and keyed (people by email,
/// sessions by course and start, records by supervisor, day and set, and the modules' own keys for reads, bookings
/// and answers), so running it again adds nothing that is already there.
/// </summary>
public sealed class DemoData(IServiceScopeFactory scopes, TimeProvider time, IHostEnvironment environment, ILogger<DemoData> log)
{
    /// <summary>The site setting that keeps the first run's date: every later run rebuilds the same year.</summary>
    public const string AnchorSetting = "demo-data.anchor";

    private const int Seed = 20_26;
    private const string TrainerName = "Demo trainer";
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public async Task<DemoDataTotals> RunAsync(int peopleCount, TextWriter output, CancellationToken cancellationToken = default)
    {
        if (!environment.IsDevelopment())
        {
            throw new InvalidOperationException("Demo data is made only in the Development environment.");
        }

        if (time is not DemoClock clock)
        {
            throw new InvalidOperationException("Demo data needs the demo clock: run it through the demo-data command.");
        }

        try
        {
            var anchor = await AnchorAsync(cancellationToken);
            var plan = new Plan(anchor);
            await output.WriteLineAsync($"Demo data for the year to {anchor:d MMMM yyyy}.");
            var people = await PeopleAsync(peopleCount, cancellationToken);
            await output.WriteLineAsync($"  {people.Count} people");
            await ReadsAsync(clock, plan, people, cancellationToken);
            await output.WriteLineAsync("  briefing reads, reflections and briefing feedback");
            await TrainingAsync(clock, plan, people, cancellationToken);
            await output.WriteLineAsync("  training sessions, bookings, registers and evaluations");
            await SupervisionAsync(clock, plan, people, cancellationToken);
            await output.WriteLineAsync("  supervision discussions and their actions");
            await ActionPlansAsync(clock, plan, people, cancellationToken);
            await output.WriteLineAsync("  action plan progress");
            await OutcomeFiguresAsync(clock, plan, people, cancellationToken);
            await output.WriteLineAsync("  outcome figures for each objective and quarter");
            await ForgetEmailsAsync(cancellationToken);
            return await TotalsAsync(cancellationToken);
        }
        finally
        {
            clock.Reset();
        }
    }

    /// <summary>Counts of everything the demo data makes, for the command's summary and its tests.</summary>
    public async Task<DemoDataTotals> TotalsAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var domain = "@" + DemoPeople.Domain;
        var people = db.Users.Where(u => u.Email!.EndsWith(domain)).Select(u => u.Id);
        var bookings = db.Bookings.Where(b => people.Contains(b.UserId));
        return new DemoDataTotals(
            await people.CountAsync(cancellationToken),
            await db.BriefingReads.CountAsync(r => people.Contains(r.UserId!), cancellationToken),
            await db.AnonymousBriefingViews.SumAsync(v => (int?)v.Views, cancellationToken) ?? 0,
            await db.BriefingReflections.CountAsync(r => people.Contains(r.UserId), cancellationToken),
            await db.TrainingSessions.CountAsync(s => s.Trainer == TrainerName, cancellationToken),
            await bookings.CountAsync(cancellationToken),
            await bookings.CountAsync(b => b.Attendance != null && b.Attendance.Outcome != AttendanceOutcome.DidNotAttend, cancellationToken),
            await bookings.CountAsync(b => b.Attendance != null && b.Attendance.Outcome == AttendanceOutcome.DidNotAttend, cancellationToken),
            await db.FeedbackResponses.CountAsync(cancellationToken),
            await db.DiscussionRecords.CountAsync(r => people.Contains(r.SupervisorId!), cancellationToken),
            await db.AgreedActions.CountAsync(a => people.Contains(a.Record.SupervisorId!), cancellationToken),
            await db.ActionUpdates.CountAsync(u => people.Contains(u.AuthorUserId!), cancellationToken),
            await db.OutcomeFigures.CountAsync(f => f.Source.StartsWith(OutcomeSourcePrefix), cancellationToken));
    }

    private async Task<DateOnly> AnchorAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var stored = await db.SiteSettings.Where(s => s.Key == AnchorSetting).Select(s => s.Value).FirstOrDefaultAsync(cancellationToken);
        if (stored is not null)
        {
            return DateOnly.ParseExact(stored, "yyyy-MM-dd", Invariant);
        }

        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var today = UkTime.Today(now);
        db.SiteSettings.Add(new SiteSetting { Key = AnchorSetting, Value = today.ToString("yyyy-MM-dd", Invariant), UpdatedUtc = now, UpdatedByName = "demo-data" });
        await db.SaveChangesAsync(cancellationToken);
        return today;
    }

    // ---- People ------------------------------------------------------------------------------------------------

    /// <summary>A person as the rest of the run needs them.</summary>
    private sealed record Member(string Id, string Name, int AgencyId, string Agency, string JobRole, bool IsSupervisor, int Number);

    /// <summary>
    /// The people, made through Identity's user manager without a password (nobody signs in as them, and no password
    /// means no slow hashing per person); existing ones (by email) are kept as they are.
    /// </summary>
    private async Task<List<Member>> PeopleAsync(int count, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var agencies = await db.Agencies.AsNoTracking().Where(a => a.IsActive).ToDictionaryAsync(a => a.Name, a => a.Id, cancellationToken);
        var wanted = DemoPeople.Make(count, agencies.Keys.ToHashSet());
        var emails = wanted.Select(p => p.Email.ToUpperInvariant()).ToList();
        var existing = await db.Users.AsNoTracking().Where(u => emails.Contains(u.NormalizedEmail!))
            .ToDictionaryAsync(u => u.NormalizedEmail!, u => u.Id, cancellationToken);
        var created = TimeProvider.System.GetUtcNow().UtcDateTime.AddYears(-1).AddDays(-30);
        var members = new List<Member>();
        foreach (var person in wanted)
        {
            if (!existing.TryGetValue(person.Email.ToUpperInvariant(), out var id))
            {
                var user = new PortalUser
                {
                    UserName = person.Email,
                    Email = person.Email,
                    EmailConfirmed = true,
                    DisplayName = person.Name,
                    JobRole = person.JobRole,
                    AgencyId = agencies[person.Agency],
                    CreatedUtc = created,
                };
                Check(await users.CreateAsync(user), person.Email);
                Check(await users.AddToRoleAsync(user, PortalRoles.Practitioner), person.Email);
                if (person.IsSupervisor)
                {
                    Check(await users.AddToRoleAsync(user, PortalRoles.Supervisor), person.Email);
                }

                id = user.Id;
            }

            members.Add(new Member(id, person.Name, agencies[person.Agency], person.Agency, person.JobRole, person.IsSupervisor, person.Number));
        }

        return members;
    }

    private static void Check(IdentityResult result, string email)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not make the demo person {email}: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }

    // ---- Reads, reflections and briefing feedback --------------------------------------------------------------

    private sealed record Briefing(int Id, string Slug, string Title, int VersionNumber);

    private async Task<List<Briefing>> BriefingsAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        return await db.Documents.AsNoTracking()
            .Where(d => d.Type == DocumentType.LearningBriefing && d.State == DocumentState.Published && d.PublishedVersionId != null)
            .OrderBy(d => d.Id)
            .Select(d => new Briefing(d.Id, d.Slug, d.PublishedTitle ?? d.Title, d.PublishedVersion!.Number))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Each person reads some briefings: most in the weeks after a (pretend) launch spread over the year, fewer later,
    /// some again on another day; a third of readers mark one "read and reflected" and some answer the briefing's
    /// feedback form. Reads go through the read recorder, as the page's beacon hands them over, a day at a time.
    /// </summary>
    private async Task ReadsAsync(DemoClock clock, Plan plan, List<Member> people, CancellationToken cancellationToken)
    {
        var briefings = await BriefingsAsync(cancellationToken);
        if (briefings.Count == 0)
        {
            return;
        }

        var random = Plan.For("reads");
        var byDay = new SortedDictionary<DateOnly, List<(int DocumentId, string? UserId)>>();
        var reflections = new List<(DateOnly Day, Member Person, Briefing Briefing)>();
        var answers = new List<(DateOnly Day, Member Person, Briefing Briefing)>();
        void Add(DateOnly day, int documentId, string? userId)
        {
            if (!byDay.TryGetValue(day, out var list))
            {
                byDay[day] = list = [];
            }

            list.Add((documentId, userId));
        }

        for (var b = 0; b < briefings.Count; b++)
        {
            var briefing = briefings[b];
            // Launches spread through the year, so the months differ; reach builds up after each.
            var launch = plan.First.AddDays(20 + b * (300 / briefings.Count));
            foreach (var person in people)
            {
                var keen = person.Agency is "Children's Social Care" or "Targeted Early Help" or "0-19 Public Health Service" ? 0.75 : 0.5;
                if (random.NextDouble() > keen)
                {
                    continue;
                }

                var first = plan.Clamp(launch.AddDays((int)Math.Min(300, -Math.Log(1 - random.NextDouble()) * 35)));
                Add(first, briefing.Id, person.Id);
                if (random.NextDouble() < 0.35)
                {
                    Add(plan.Clamp(first.AddDays(random.Next(3, 90))), briefing.Id, person.Id);
                }

                if (random.NextDouble() < 0.3)
                {
                    reflections.Add((plan.Clamp(first.AddDays(random.Next(0, 10))), person, briefing));
                }

                if (random.NextDouble() < 0.2)
                {
                    answers.Add((first, person, briefing));
                }
            }

            // People who were not signed in: a few a day, more after the launch and on weekdays.
            for (var day = launch; day < plan.Anchor; day = day.AddDays(1))
            {
                var weekday = day.DayOfWeek is not DayOfWeek.Saturday and not DayOfWeek.Sunday;
                var views = (int)Math.Round((weekday ? 3.0 : 0.8) * (1 + 6 * Math.Exp(-(day.DayNumber - launch.DayNumber) / 20.0)) * random.NextDouble());
                for (var v = 0; v < views; v++)
                {
                    Add(day, briefing.Id, null);
                }
            }
        }

        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var recorder = scope.ServiceProvider.GetRequiredService<ReadRecorder>();
            var writer = scope.ServiceProvider.GetRequiredService<ReadWriter>();
            var counted = (await db.AnonymousBriefingViews.AsNoTracking().Select(v => new { v.DocumentId, v.Day }).ToListAsync(cancellationToken))
                .Select(v => (v.DocumentId, v.Day)).ToHashSet();
            foreach (var (day, reads) in byDay)
            {
                clock.Set(UkTime.StartOfDayUtc(day).AddHours(9 + (day.DayNumber % 8)));
                foreach (var (documentId, userId) in reads)
                {
                    // Signed-in reads are once a person a day by the read model's own key; anonymous views are a
                    // count, so a day already counted is left alone.
                    if (userId is not null || !counted.Contains((documentId, day)))
                    {
                        recorder.Record(documentId, userId);
                    }
                }

                await writer.WriteWaitingAsync(cancellationToken);
            }
        }

        foreach (var (day, person, briefing) in reflections)
        {
            clock.Set(UkTime.StartOfDayUtc(day).AddHours(15));
            await using var scope = scopes.CreateAsyncScope();
            var marks = scope.ServiceProvider.GetRequiredService<BriefingReflections>();
            if (await marks.FindAsync(person.Id, briefing.Id, cancellationToken) is null)
            {
                await marks.SaveAsync(person.Id, new ReflectedBriefing(briefing.Id, briefing.Title, "/learning/" + briefing.Slug, briefing.VersionNumber),
                    Plan.Pick(random, ReflectionNotes), cancellationToken);
            }
        }

        await BriefingFeedbackAsync(clock, plan, answers, cancellationToken);
    }

    private static readonly string[] ReflectionNotes =
    [
        "I will use the neglect screening tool at the first sign of concern rather than waiting for a pattern.",
        "Ask about the child's day from getting up to going to bed before I close a visit.",
        "Check the chronology before each core group so that I see the whole history, not the last incident.",
        "Be more curious when parents say things have improved: ask what has changed for the child.",
        "Escalate sooner when the plan is drifting, using the partnership's escalation procedure.",
        "",
    ];

    private async Task BriefingFeedbackAsync(DemoClock clock, Plan plan, List<(DateOnly Day, Member Person, Briefing Briefing)> answers, CancellationToken cancellationToken)
    {
        var random = Plan.For("briefing-feedback");
        foreach (var (day, person, briefing) in answers)
        {
            clock.Set(UkTime.StartOfDayUtc(day).AddHours(16));
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var form = await db.FeedbackForms.AsNoTracking().Include(f => f.Questions).FirstOrDefaultAsync(f => f.Slug == "briefing-feedback", cancellationToken);
            if (form is null)
            {
                return;
            }

            var values = new Dictionary<string, string[]>();
            foreach (var q in form.CurrentQuestions)
            {
                var field = FeedbackAnswering.FieldFor(q);
                values[field] = q.Type switch
                {
                    FeedbackQuestionType.Rating => [Skewed(random, 3, 5)],
                    FeedbackQuestionType.Agreement => [Skewed(random, 2, 5)],
                    FeedbackQuestionType.SingleChoice => [random.Next(q.Options.Count).ToString(Invariant)],
                    FeedbackQuestionType.LongText when random.NextDouble() < 0.4 => [Plan.Pick(random, ReflectionNotes)],
                    _ => [],
                };
            }

            var answering = scope.ServiceProvider.GetRequiredService<FeedbackAnswering>();
            await answering.SubmitAsync(form, new FeedbackTicket(form.Id, FeedbackPlace.Briefing(briefing.Id), person.Id), values, person.AgencyId, cancellationToken);
        }
    }

    private static string Skewed(Random random, int low, int high) =>
        Math.Max(low, high - (int)Math.Floor(Math.Abs(random.NextDouble() + random.NextDouble() - 1) * (high - low + 1))).ToString(Invariant);

    // ---- Training ----------------------------------------------------------------------------------------------

    /// <summary>
    /// Two or three sessions a month of the starter courses, each made a month and a half before it, booked by
    /// people over the following weeks (a few cancel), its register marked after it ends (most attend, some do not
    /// come) and, a few days later, evaluations from most of those who attended.
    /// </summary>
    private async Task TrainingAsync(DemoClock clock, Plan plan, List<Member> people, CancellationToken cancellationToken)
    {
        List<(int Id, string Title, bool Gcp2)> courses;
        await using (var scope = scopes.CreateAsyncScope())
        {
            courses = (await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Courses.AsNoTracking()
                .Where(c => c.IsPublished && c.PrerequisiteCourseId == null).OrderBy(c => c.Id)
                .Select(c => new { c.Id, c.Title, c.LicensesGcp2 }).ToListAsync(cancellationToken))
                .Select(c => (c.Id, c.Title, c.LicensesGcp2)).ToList();
        }

        if (courses.Count == 0)
        {
            return;
        }

        var sessionNumber = 0;
        for (var month = plan.First; month.AddMonths(1) <= plan.Anchor; month = month.AddMonths(1))
        {
            for (var s = 0; s < 2 + (month.Month % 2); s++, sessionNumber++)
            {
                // Each session's own random numbers, so a session done on an earlier run (and skipped) changes no other.
                var random = new Random(Seed + sessionNumber);
                var course = courses[sessionNumber % courses.Count];
                var day = Weekday(month.AddDays(4 + s * 9 + random.Next(0, 4)));
                var startUtc = UkTime.ToUtc(day.ToDateTime(new TimeOnly(course.Gcp2 ? 9 : 13, 30)));
                var endUtc = startUtc.AddHours(course.Gcp2 ? 6.5 : 3);
                var capacity = course.Gcp2 ? 16 : 24;
                var online = sessionNumber % 3 == 1;
                // A third of the people at most, so a small demo (or its test) does not put everyone on every session.
                var pick = people.OrderBy(_ => random.Next()).Take(Math.Min(people.Count / 3, capacity + random.Next(-6, 4))).ToList();
                var marks = pick.Select(_ => random.NextDouble()).ToList();
                await SessionAsync(clock, course.Id, startUtc, endUtc, capacity, online, pick, marks, random, cancellationToken);
            }
        }
    }

    private async Task SessionAsync(DemoClock clock, int courseId, DateTime startUtc, DateTime endUtc, int capacity, bool online,
        List<Member> pick, List<double> marks, Random random, CancellationToken cancellationToken)
    {
        var trainer = new Actor(null, TrainerName);
        int sessionId;
        HashSet<string> booked;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var existing = await db.TrainingSessions.AsNoTracking().Where(s => s.CourseId == courseId && s.StartUtc == startUtc)
                .Select(s => (int?)s.Id).FirstOrDefaultAsync(cancellationToken);
            if (existing is { } id && await db.AttendanceRecords.AnyAsync(a => a.Booking.SessionId == id, cancellationToken))
            {
                // Done on an earlier run: booked and marked. Only evaluations might be missing (a run stopped half way).
                await EvaluationsAsync(clock, id, endUtc, random, cancellationToken);
                return;
            }

            if (existing is null)
            {
                clock.Set(startUtc.AddDays(-45));
                var created = await scope.ServiceProvider.GetRequiredService<SessionAdministration>().CreateAsync(courseId, new SessionDetails(
                    startUtc, endUtc, online ? SessionFormat.Online : SessionFormat.InPerson,
                    online ? null : "Partnership training room, Town Hall", online ? "https://meet.example.org/demo-training" : null,
                    capacity, startUtc.AddDays(-42), startUtc.AddDays(-2), TrainerName, null, false), trainer, cancellationToken);
                existing = created.Succeeded ? created.Value : throw new InvalidOperationException("Could not make a demo session: " + created.Message);
            }

            sessionId = existing.Value;
            booked = (await db.Bookings.AsNoTracking().Where(b => b.SessionId == sessionId).Select(b => b.UserId).ToListAsync(cancellationToken)).ToHashSet();
        }

        var bookings = new List<(int BookingId, double Mark)>();
        for (var i = 0; i < pick.Count; i++)
        {
            var person = pick[i];
            if (booked.Contains(person.Id))
            {
                continue;
            }

            clock.Set(startUtc.AddDays(-40 + (i * 37 / Math.Max(1, pick.Count))).AddMinutes(i));
            await using var scope = scopes.CreateAsyncScope();
            var service = scope.ServiceProvider.GetRequiredService<BookingService>();
            var result = await service.BookAsync(new BookingRequest(sessionId, person.Id, person.Name, person.AgencyId, person.JobRole), cancellationToken);
            if (result is { Succeeded: true, Value.BookingId: var bookingId } && marks[i] < 0.05)
            {
                clock.Set(clock.GetUtcNow().UtcDateTime.AddHours(2));
                await service.CancelAsync(bookingId, new Actor(person.Id, person.Name), asStaff: false, cancellationToken);
            }
        }

        clock.Set(endUtc.AddHours(1));
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var confirmed = await db.Bookings.AsNoTracking().Where(b => b.SessionId == sessionId && b.Status == BookingStatus.Confirmed)
                .OrderBy(b => b.QueueNumber).Select(b => b.Id).ToListAsync(cancellationToken);
            var register = confirmed.Select((id, i) =>
            {
                var roll = random.NextDouble();
                var outcome = roll < 0.12 ? AttendanceOutcome.DidNotAttend : roll < 0.16 ? AttendanceOutcome.PartlyAttended : AttendanceOutcome.Attended;
                return new AttendanceMark(id, outcome, Notes: outcome == AttendanceOutcome.PartlyAttended ? "Left at lunch" : null);
            }).ToList();
            await scope.ServiceProvider.GetRequiredService<SessionRegister>().RecordAsync(sessionId, register, trainer, cancellationToken);
        }

        await EvaluationsAsync(clock, sessionId, endUtc, random, cancellationToken);
    }

    /// <summary>Most people who attended answer the course's evaluation within a week; confidence mostly rises.</summary>
    private async Task EvaluationsAsync(DemoClock clock, int sessionId, DateTime endUtc, Random random, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var invited = await db.FeedbackInvitations.AsNoTracking().Where(i => i.SessionId == sessionId).OrderBy(i => i.UserId)
            .Select(i => new { i.FormId, i.UserId }).ToListAsync(cancellationToken);
        var agencies = await db.Bookings.AsNoTracking().Where(b => b.SessionId == sessionId).ToDictionaryAsync(b => b.UserId, b => b.AgencyId, cancellationToken);
        var forms = new Dictionary<int, FeedbackForm?>();
        var answering = scope.ServiceProvider.GetRequiredService<FeedbackAnswering>();
        foreach (var invitation in invited)
        {
            // The same people answer on every run (the roll is by person and session), and a spent token stores nothing new.
            var roll = new Random(Plan.StableHash($"{sessionId}|{invitation.UserId}")).NextDouble();
            if (roll > 0.7)
            {
                continue;
            }

            if (!forms.TryGetValue(invitation.FormId, out var form))
            {
                forms[invitation.FormId] = form = await db.FeedbackForms.AsNoTracking().Include(f => f.Questions).FirstOrDefaultAsync(f => f.Id == invitation.FormId, cancellationToken);
            }

            if (form is null)
            {
                continue;
            }

            var values = new Dictionary<string, string[]>();
            foreach (var q in form.CurrentQuestions)
            {
                var field = FeedbackAnswering.FieldFor(q);
                switch (q.Type)
                {
                    case FeedbackQuestionType.Rating or FeedbackQuestionType.Agreement:
                        values[field] = [Skewed(random, 2, 5)];
                        break;
                    case FeedbackQuestionType.ConfidencePair:
                        var before = random.Next(1, 4);
                        values[field] = [before.ToString(Invariant)];
                        values[FeedbackAnswering.AfterFieldFor(q)] = [Math.Min(5, before + random.Next(0, 3)).ToString(Invariant)];
                        break;
                    case FeedbackQuestionType.YesNo:
                        values[field] = [random.NextDouble() < 0.9 ? "1" : "0"];
                        break;
                    case FeedbackQuestionType.SingleChoice:
                        values[field] = [random.Next(q.Options.Count).ToString(Invariant)];
                        break;
                    case FeedbackQuestionType.MultipleChoice:
                        values[field] = [.. Enumerable.Range(0, q.Options.Count).Where(_ => random.NextDouble() < 0.4).Select(i => i.ToString(Invariant))];
                        break;
                    case FeedbackQuestionType.ShortText when random.NextDouble() < 0.5:
                        values[field] = [ShortAnswers[random.Next(ShortAnswers.Length)]];
                        break;
                    case FeedbackQuestionType.LongText when random.NextDouble() < 0.25:
                        values[field] = [LongAnswers[random.Next(LongAnswers.Length)]];
                        break;
                }
            }

            clock.Set(endUtc.AddDays(1 + (roll * 7)));
            await answering.SubmitAsync(form, new FeedbackTicket(form.Id, FeedbackPlace.Session(sessionId), invitation.UserId), values,
                agencies.TryGetValue(invitation.UserId, out var agency) ? agency : null, cancellationToken);
        }
    }

    private static readonly string[] ShortAnswers =
    [
        "Use the screening tool earlier", "Ask about the child's lived experience", "Check the chronology first", "Talk to the school nurse sooner",
        "Escalate drift in plans", "Share the GCP2 grades with the family",
    ];

    private static readonly string[] LongAnswers =
    [
        "The case studies from our own audits made it real. More time for the group discussion would help.",
        "Really useful to hear how the police and health visitors see the same family. The session felt rushed after lunch.",
        "Clear and practical. I would like a follow-up session on adolescent neglect.",
        "Good mix of agencies in the room; I now know who to call in early help.",
    ];

    // ---- Supervision -------------------------------------------------------------------------------------------

    /// <summary>
    /// Each team manager holds a discussion most months using a briefing's questions: one-to-one with one of their
    /// team, or a group or team meeting with several; two or three questions discussed, confidence before and after,
    /// an action or two, most of them done later.
    /// </summary>
    private async Task SupervisionAsync(DemoClock clock, Plan plan, List<Member> people, CancellationToken cancellationToken)
    {
        List<(int Id, List<Guid> Questions)> sets;
        await using (var scope = scopes.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<BriefingQuestionSets>().CatchUpAsync(cancellationToken);
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            sets = (await db.QuestionSets.AsNoTracking().Where(s => s.IsAvailable).OrderBy(s => s.Id)
                .Select(s => new { s.Id, Questions = s.Questions.Where(q => q.IsCurrent).OrderBy(q => q.Position).Select(q => q.QuestionId).ToList() })
                .ToListAsync(cancellationToken))
                .Where(s => s.Questions.Count > 0).Select(s => (s.Id, s.Questions)).ToList();
        }

        if (sets.Count == 0)
        {
            return;
        }

        foreach (var supervisor in people.Where(p => p.IsSupervisor))
        {
            // Each supervisor's own random numbers: a record made on an earlier run (and skipped) changes no other.
            var random = new Random(Seed ^ Plan.StableHash(supervisor.Id));
            var team = people.Where(p => p.AgencyId == supervisor.AgencyId && p.Id != supervisor.Id).ToList();
            if (team.Count == 0)
            {
                continue;
            }

            for (var month = plan.First.AddMonths(1); month.AddMonths(1) <= plan.Anchor; month = month.AddMonths(1))
            {
                if (random.NextDouble() < 0.25)
                {
                    continue;
                }

                var kind = random.NextDouble() switch { < 0.55 => DiscussionKind.OneToOne, < 0.8 => DiscussionKind.Group, _ => DiscussionKind.TeamMeeting };
                var who = team.OrderBy(_ => random.Next()).Take(kind == DiscussionKind.OneToOne ? 1 : Math.Min(team.Count, random.Next(2, 7))).ToList();
                var set = sets[random.Next(sets.Count)];
                var heldOn = Weekday(month.AddDays(random.Next(0, 25)));
                var chosen = set.Questions.OrderBy(_ => random.Next()).Take(Math.Min(set.Questions.Count, random.Next(2, 4))).ToList();
                var confidence = who.Select(p =>
                {
                    var before = random.Next(1, 4);
                    return new ParticipantConfidence(p.Id, before, Math.Min(5, before + random.Next(0, 3)));
                }).ToList();
                var actions = who.Take(random.Next(1, 3)).Select(p =>
                    new ActionDraft(AgreedActions[random.Next(AgreedActions.Length)], p.Id, heldOn.AddDays(random.Next(14, 60)))).ToList();
                var doneRolls = actions.Select(_ => random.NextDouble()).ToList();
                await DiscussionAsync(clock, plan, supervisor, kind, heldOn, set.Id, who, chosen, confidence, actions, doneRolls, cancellationToken);
            }
        }
    }

    private async Task DiscussionAsync(DemoClock clock, Plan plan, Member supervisor, DiscussionKind kind, DateOnly heldOn, int setId, List<Member> who,
        List<Guid> questions, List<ParticipantConfidence> confidence, List<ActionDraft> actions, List<double> doneRolls, CancellationToken cancellationToken)
    {
        clock.Set(UkTime.StartOfDayUtc(heldOn).AddHours(14));
        int recordId;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            if (await db.DiscussionRecords.AnyAsync(r => r.SupervisorId == supervisor.Id && r.HeldOn == heldOn && r.QuestionSetId == setId, cancellationToken))
            {
                return;
            }

            var records = scope.ServiceProvider.GetRequiredService<DiscussionRecords>();
            if (await records.StartAsync(supervisor.Id, new NewDiscussion(kind, heldOn, setId, [.. who.Select(p => p.Id)]), cancellationToken) is not { } id)
            {
                return;
            }

            recordId = id;
            var details = new DiscussionDetails(
                [.. questions.Select((q, i) => new QuestionNote(q, DiscussionNotes[(i + heldOn.DayNumber) % DiscussionNotes.Length]))],
                "We used the briefing's questions to look at how our current work keeps the child's daily experience in view.",
                "The team felt more confident naming neglect with families, less so in challenging other agencies when plans drift.",
                "Chronologies and the screening tool help us see the pattern rather than the latest incident.",
                "Bring a worked example to the next session.",
                actions, false, null, heldOn.AddDays(42), confidence);
            await records.SaveAsync(recordId, supervisor.Id, details, finalise: true, cancellationToken);
        }

        List<(int Id, string? OwnerId, DateOnly DueOn)> agreed;
        await using (var scope = scopes.CreateAsyncScope())
        {
            agreed = (await scope.ServiceProvider.GetRequiredService<PortalDbContext>().AgreedActions.AsNoTracking()
                .Where(a => a.RecordId == recordId).OrderBy(a => a.Id).Select(a => new { a.Id, a.OwnerId, a.DueOn }).ToListAsync(cancellationToken))
                .Select(a => (a.Id, a.OwnerId, a.DueOn)).ToList();
        }

        for (var i = 0; i < agreed.Count && i < doneRolls.Count; i++)
        {
            var (id, owner, due) = agreed[i];
            var doneOn = due.AddDays((int)(doneRolls[i] * 30) - 20);
            // Three in four are done, most by their date; the rest stay open (some of them overdue now).
            if (owner is null || doneRolls[i] > 0.75 || doneOn >= plan.Anchor)
            {
                continue;
            }

            clock.Set(UkTime.StartOfDayUtc(doneOn).AddHours(11));
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<SupervisionActions>().MarkDoneAsync(id, owner, "Done: discussed with the family and recorded on our system.", cancellationToken);
        }
    }

    private static readonly string[] DiscussionNotes =
    [
        "We talked through how we hear the child's voice on home visits and where it gets lost in our recording.",
        "Agreed that the screening tool is used too late; we looked at triggers for using it at the first concern.",
        "Discussed over-optimism when parents engage with appointments but the child's daily care does not change.",
        "Looked at how we escalate when another agency does not act, and who to go to.",
        "Shared examples of good multi-agency working with schools and the 0-19 service.",
    ];

    private static readonly string[] AgreedActions =
    [
        "Complete the neglect screening tool at the next visit where there is a concern",
        "Update the chronology before the next core group",
        "Book a place on the GCP2 practitioner training",
        "Share the briefing with the wider team at the next team meeting",
        "Arrange a joint visit with the health visitor",
    ];

    // ---- Action plans ------------------------------------------------------------------------------------------

    /// <summary>Progress on the starter plans' actions through the year by the partnership's business unit: on track, a few at risk, half done.</summary>
    private async Task ActionPlansAsync(DemoClock clock, Plan plan, List<Member> people, CancellationToken cancellationToken)
    {
        var author = people.FirstOrDefault(p => p.Agency == "Safeguarding Children Partnership business unit") ?? people.FirstOrDefault();
        if (author is null)
        {
            return;
        }

        List<int> actions;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            actions = await db.PlanActions.AsNoTracking()
                .Where(a => !db.ActionUpdates.Any(u => u.ActionId == a.Id && u.AuthorUserId == author.Id))
                .OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(cancellationToken);
        }

        var actor = new ActionActor(new Core.Auditing.Actor(author.Id, author.Name), IsEditor: true);
        foreach (var actionId in actions)
        {
            var random = new Random(Seed + actionId);
            var steps = random.NextDouble() switch
            {
                < 0.45 => new[] { PlanActionStatus.OnTrack, PlanActionStatus.OnTrack, PlanActionStatus.Done },
                < 0.65 => new[] { PlanActionStatus.OnTrack, PlanActionStatus.AtRisk, PlanActionStatus.OnTrack },
                < 0.8 => new[] { PlanActionStatus.OnTrack, PlanActionStatus.AtRisk },
                _ => new[] { PlanActionStatus.OnTrack },
            };
            var day = plan.First.AddDays(random.Next(20, 80));
            foreach (var status in steps)
            {
                if (day >= plan.Anchor)
                {
                    break;
                }

                clock.Set(UkTime.StartOfDayUtc(Weekday(day)).AddHours(10));
                await using var scope = scopes.CreateAsyncScope();
                var version = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().PlanActions.Where(a => a.Id == actionId).Select(a => a.Version).SingleAsync(cancellationToken);
                var text = status switch
                {
                    PlanActionStatus.Done => "Completed and reported to the Neglect subgroup, which agreed to close the action.",
                    PlanActionStatus.AtRisk => "Delayed: the lead agency has had staff changes; a revised date goes to the next subgroup meeting.",
                    _ => "Work is under way and was reported to the Neglect subgroup; on track for the due date.",
                };
                var evidence = status == PlanActionStatus.Done ? "Minutes of the Neglect subgroup meeting recording the update and the decision to close." : null;
                await scope.ServiceProvider.GetRequiredService<ActionProgress>().AddUpdateAsync(actionId, new UpdateInput(text, evidence, null, status, []), version, actor, cancellationToken);
                day = day.AddDays(random.Next(45, 120));
            }
        }
    }

    private const string OutcomeSourcePrefix = "Demo data: ";

    /// <summary>
    /// Figures from elsewhere for each objective's first two measures of success, every quarter of the year, entered by
    /// the business unit through the outcome measures service (which refuses a second figure for the same measure and
    /// quarter, so a second run adds none): a slow improvement with some noise.
    /// </summary>
    private async Task OutcomeFiguresAsync(DemoClock clock, Plan plan, List<Member> people, CancellationToken cancellationToken)
    {
        var author = people.FirstOrDefault(p => p.Agency == "Safeguarding Children Partnership business unit") ?? people.FirstOrDefault();
        if (author is null)
        {
            return;
        }

        IReadOnlyList<ObjectiveName> objectives;
        await using (var scope = scopes.CreateAsyncScope())
        {
            objectives = await scope.ServiceProvider.GetRequiredService<OutcomeMeasures>().ObjectivesAsync(cancellationToken);
        }

        var first = Quarters.Start(plan.First.Year, Quarters.Of(plan.First));
        foreach (var objective in objectives.Where(o => o.IsCurrent))
        {
            foreach (var measure in objective.Measures.Take(2))
            {
                var random = new Random(Seed ^ Plan.StableHash(objective.Id + measure));
                var level = random.Next(20, 200);
                for (var quarter = first; quarter.AddMonths(3) <= plan.Anchor; quarter = quarter.AddMonths(3))
                {
                    var value = Math.Max(0, level + random.Next(-level / 10, level / 10 + 1));
                    level += random.Next(-level / 20, level / 8 + 1);
                    clock.Set(UkTime.StartOfDayUtc(Weekday(quarter.AddMonths(3).AddDays(20))).AddHours(10));
                    var name = measure.Length > OutcomeMeasures.MeasureLength ? measure[..OutcomeMeasures.MeasureLength] : measure;
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<OutcomeMeasures>().SaveAsync(
                        new OutcomeFigureInput(objective.Id, name, quarter, value, $"{OutcomeSourcePrefix}partnership performance report, {Quarters.Label(quarter)}"),
                        null, null, new Actor(author.Id, author.Name), cancellationToken);
                }
            }
        }
    }

    /// <summary>
    /// The demo people have no mailbox: the year of emails the services queued for them (confirmations, reminders,
    /// thank-yous, evaluation links) would only fill the pickup folder, so they are taken out of the outbox unsent.
    /// </summary>
    private async Task ForgetEmailsAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var domain = "@" + DemoPeople.Domain;
        var removed = await db.OutboxMessages.Where(m => m.SentUtc == null && m.ToAddress.EndsWith(domain)).ExecuteDeleteAsync(cancellationToken);
        log.LogInformation("Took {Count} emails to demo people out of the outbox.", removed);
    }

    private static DateOnly Weekday(DateOnly day) => day.DayOfWeek switch
    {
        DayOfWeek.Saturday => day.AddDays(2),
        DayOfWeek.Sunday => day.AddDays(1),
        _ => day,
    };

    /// <summary>The year to fill (the 365 days before the anchor) and the random numbers, the same on every run.</summary>
    private sealed class Plan(DateOnly anchor)
    {
        public DateOnly Anchor { get; } = anchor;

        /// <summary>The first of the month a year before the anchor.</summary>
        public DateOnly First { get; } = new DateOnly(anchor.Year, anchor.Month, 1).AddYears(-1);

        public DateOnly Clamp(DateOnly day) => day >= Anchor ? Anchor.AddDays(-1) : day;

        /// <summary>A separate sequence per part, so adding to one part never changes another's data.</summary>
        public static Random For(string part) => new(Seed ^ StableHash(part));

        public static string Pick(Random r, string[] items) => items[r.Next(items.Length)];

        /// <summary>A hash that is the same in every process (string.GetHashCode is not).</summary>
        public static int StableHash(string text)
        {
            var hash = 17;
            foreach (var c in text)
            {
                hash = unchecked(hash * 31 + c);
            }

            return hash;
        }
    }
}
