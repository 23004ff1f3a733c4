using LearningPortal.Core.Accounts;
using LearningPortal.Core.Content;
using LearningPortal.Core.Data;
using LearningPortal.Core.Feedback;
using LearningPortal.Core.Impact;
using LearningPortal.Core.Supervision;
using LearningPortal.Core.Time;
using LearningPortal.Core.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningPortal.Benchmarks.Impact;

/// <summary>How much to seed (the figures at scale 1).</summary>
internal sealed record Volumes(int Users, int Briefings, int Reads, int Bookings, int Records, int Responses)
{
    public static Volumes At(double scale) => new(
        (int)(20_000 * scale), Math.Max(10, (int)(500 * scale)), (int)(500_000 * scale), (int)(50_000 * scale), (int)(10_000 * scale), (int)(100_000 * scale));
}

/// <summary>
/// A partnership's year at scale, in bulk (<see cref="Bulk"/>): people across the starter agencies, published briefings
/// (a few much read, most less), a year of reads (unique per person, briefing and day) with anonymous views and
/// "read and reflected" marks, past sessions with bookings and a register, final supervision records with participants,
/// questions and confidence, and feedback responses from briefings and sessions; Impact's read models of attendance,
/// discussions and counts of reads as its feed and read writer would have written them. Returns the slug of the most read briefing.
/// </summary>
internal static class ImpactSeeder
{
    public static async Task<string> SeedAsync(IServiceProvider services, Volumes v)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var random = new Random(15);
        var now = DateTime.UtcNow;
        var today = UkTime.Today(now);
        var agencies = await db.Agencies.Where(a => a.IsActive).OrderBy(a => a.SortOrder).Select(a => a.Id).ToListAsync();

        // People: a third in the first three agencies (social care, early help, 0-19), the rest spread.
        int AgencyFor(int i) => i % 3 == 0 ? agencies[i % 9 % 3] : agencies[i % agencies.Count];
        var users = Enumerable.Range(0, v.Users).Select(i => new PortalUser
        {
            Id = Guid.NewGuid().ToString(),
            UserName = $"bench{i}@example.org",
            NormalizedUserName = $"BENCH{i}@EXAMPLE.ORG",
            Email = $"bench{i}@example.org",
            NormalizedEmail = $"BENCH{i}@EXAMPLE.ORG",
            EmailConfirmed = true,
            SecurityStamp = Guid.NewGuid().ToString("N"),
            ConcurrencyStamp = Guid.NewGuid().ToString(),
            LockoutEnabled = true,
            DisplayName = $"Bench Person {i}",
            JobRole = "Practitioner",
            AgencyId = AgencyFor(i),
            CreatedUtc = now.AddYears(-2),
            IsDisabled = i % 40 == 0,
        }).ToList();
        await Bulk.InsertAsync(db, users);

        // Briefings, each with one published version.
        var firstDocument = (await db.Documents.MaxAsync(d => (int?)d.Id) ?? 0) + 1;
        var firstVersion = (await db.DocumentVersions.MaxAsync(d => (int?)d.Id) ?? 0) + 1;
        var documents = Enumerable.Range(0, v.Briefings).Select(i => new Document
        {
            Id = firstDocument + i,
            Type = DocumentType.LearningBriefing,
            Slug = $"bench-briefing-{i:0000}",
            State = DocumentState.Published,
            Title = $"Benchmark briefing {i:0000}",
            PublishedTitle = $"Benchmark briefing {i:0000}",
            PublishedSummary = "What a multi-agency audit found and what to do now.",
            LatestVersionNumber = 1,
            CreatedUtc = now.AddDays(-400 + i % 365),
            UpdatedUtc = now.AddDays(-400 + i % 365),
            FirstPublishedUtc = now.AddDays(-400 + i % 365),
            LastPublishedUtc = now.AddDays(-400 + i % 365),
            ListingDate = today.AddDays(-400 + i % 365),
        }).ToList();
        await Bulk.InsertAsync(db, documents, withKeys: true);
        await Bulk.InsertAsync(db, documents.Select((d, i) => new DocumentVersion
        {
            Id = firstVersion + i,
            DocumentId = d.Id,
            Number = 1,
            Title = d.Title,
            Slug = d.Slug,
            FieldsJson = "{}",
            Body = "",
            AuthorName = "Benchmark",
            CreatedUtc = d.CreatedUtc,
            Status = VersionStatus.Published,
            PublishedUtc = d.CreatedUtc,
            PublishedByName = "Benchmark",
        }).ToList(), withKeys: true);
        await db.Database.ExecuteSqlAsync($"UPDATE \"Documents\" SET \"PublishedVersionId\" = \"Id\" - {firstDocument} + {firstVersion} WHERE \"Id\" >= {firstDocument}");

        // A briefing's popularity falls off with its rank: the first few are read far more than the last.
        var weights = Enumerable.Range(1, v.Briefings).Select(r => 1.0 / Math.Pow(r, 0.8)).ToArray();
        var cumulative = new double[weights.Length];
        var sum = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            cumulative[i] = sum += weights[i];
        }

        int Briefing()
        {
            var i = Array.BinarySearch(cumulative, random.NextDouble() * sum);
            return Math.Min(v.Briefings - 1, i < 0 ? ~i : i);
        }

        var seen = new HashSet<(int, int, int)>(v.Reads);
        var reads = new List<BriefingRead>(v.Reads);
        while (reads.Count < v.Reads)
        {
            var (b, u, day) = (Briefing(), random.Next(v.Users), random.Next(1, 365));
            if (seen.Add((b, u, day)))
            {
                reads.Add(new BriefingRead { DocumentId = documents[b].Id, UserId = users[u].Id, AgencyId = users[u].AgencyId, Day = today.AddDays(-day) });
            }
        }

        await Bulk.InsertAsync(db, reads);
        // The counts the read writer keeps beside the reads.
        await Bulk.InsertAsync(db, [.. reads.GroupBy(r => (r.DocumentId, r.AgencyId, Month: BriefingReadCount.MonthOf(r.Day)))
            .Select(g => new BriefingReadCount { DocumentId = g.Key.DocumentId, AgencyId = g.Key.AgencyId, Month = g.Key.Month, Readers = g.Count() })]);
        seen.Clear();
        reads.Clear();

        var views = new Dictionary<(int, int), AnonymousBriefingViews>();
        for (var i = 0; i < v.Briefings * 60; i++)
        {
            var (b, day) = (Briefing(), random.Next(1, 365));
            if (!views.TryGetValue((b, day), out var row))
            {
                views[(b, day)] = row = new AnonymousBriefingViews { DocumentId = documents[b].Id, Day = today.AddDays(-day) };
            }

            row.Views += random.Next(1, 8);
        }

        await Bulk.InsertAsync(db, views.Values.ToList());
        var reflected = new HashSet<(int, int)>();
        var reflections = new List<BriefingReflection>();
        while (reflections.Count < v.Reads / 25)
        {
            var (b, u) = (Briefing(), random.Next(v.Users));
            if (reflected.Add((b, u)))
            {
                var at = now.AddDays(-random.Next(1, 365));
                reflections.Add(new BriefingReflection
                {
                    UserId = users[u].Id, AgencyId = users[u].AgencyId, DocumentId = documents[b].Id, BriefingTitle = documents[b].Title,
                    BriefingPath = "/learning/" + documents[b].Slug, VersionNumber = 1, Note = "I will use the screening tool earlier.", ReflectedUtc = at, UpdatedUtc = at,
                });
            }
        }

        await Bulk.InsertAsync(db, reflections);

        // Training: ten courses, sessions of 20 places through the year, everyone booked marked on the register.
        var courses = Enumerable.Range(0, 10).Select(i => new Course
        {
            Title = $"Benchmark course {i}", Slug = $"bench-course-{i}", Summary = "A course.", Level = CourseLevel.Introductory, Length = "Half day",
            LicensesGcp2 = i == 0, CreatedUtc = now, UpdatedUtc = now,
        }).ToList();
        db.Courses.AddRange(courses);
        await db.SaveChangesAsync();
        var firstSession = (await db.TrainingSessions.MaxAsync(s => (int?)s.Id) ?? 0) + 1;
        var sessionCount = Math.Max(1, v.Bookings / 20);
        var sessions = Enumerable.Range(0, sessionCount).Select(i =>
        {
            var start = now.AddDays(-364 + (i * 363 / sessionCount)).Date.AddHours(9.5);
            return new TrainingSession
            {
                Id = firstSession + i, CourseId = courses[i % courses.Count].Id, StartUtc = start, EndUtc = start.AddHours(3), Format = SessionFormat.Online,
                JoiningLink = "https://meet.example.org/x", Capacity = 20, BookingOpensUtc = start.AddDays(-60), BookingClosesUtc = start.AddDays(-1),
                Trainer = "Trainer", PlacesTaken = 20, NextQueueNumber = 21, CreatedUtc = start.AddDays(-60),
            };
        }).ToList();
        await Bulk.InsertAsync(db, sessions, withKeys: true);

        var firstBooking = (await db.Bookings.MaxAsync(b => (int?)b.Id) ?? 0) + 1;
        var bookings = new List<Booking>(v.Bookings);
        var marks = new List<AttendanceRecord>(v.Bookings);
        var attendance = new List<LearningAttendance>(v.Bookings);
        foreach (var session in sessions)
        {
            var people = new HashSet<int>();
            while (people.Count < 20)
            {
                people.Add(random.Next(v.Users));
            }

            var queue = 1;
            foreach (var u in people)
            {
                var user = users[u];
                var booking = new Booking
                {
                    Id = firstBooking + bookings.Count, SessionId = session.Id, UserId = user.Id, Status = BookingStatus.Confirmed, QueueNumber = queue++,
                    AttendeeName = user.DisplayName, AttendeeEmail = user.Email!, AgencyId = user.AgencyId, JobRole = user.JobRole,
                    RequestedUtc = session.StartUtc.AddDays(-20), PlaceGivenUtc = session.StartUtc.AddDays(-20), ConfirmedUtc = session.StartUtc.AddDays(-20),
                    CalendarUid = Guid.NewGuid(),
                };
                bookings.Add(booking);
                var roll = random.Next(100);
                var outcome = roll < 10 ? AttendanceOutcome.DidNotAttend : roll < 15 ? AttendanceOutcome.PartlyAttended : AttendanceOutcome.Attended;
                marks.Add(new AttendanceRecord { BookingId = booking.Id, Outcome = outcome, RecordedUtc = session.EndUtc });
                attendance.Add(new LearningAttendance
                {
                    BookingId = booking.Id, UserId = user.Id, AgencyId = user.AgencyId, CourseId = session.CourseId, CourseTitle = courses.Single(c => c.Id == session.CourseId).Title,
                    SessionId = session.Id, StartUtc = session.StartUtc, EndUtc = session.EndUtc, Result = ImpactEventsFrom.Result(outcome),
                    HasCertificate = outcome == AttendanceOutcome.Attended,
                });
            }
        }

        await Bulk.InsertAsync(db, bookings, withKeys: true);
        await Bulk.InsertAsync(db, marks);
        await Bulk.InsertAsync(db, attendance, withKeys: true);

        // Supervision: each briefing's question set, and final records using them.
        var firstSet = (await db.QuestionSets.MaxAsync(s => (int?)s.Id) ?? 0) + 1;
        var sets = documents.Select((d, i) => new QuestionSet { Id = firstSet + i, Source = QuestionSetSource.Briefing, DocumentId = d.Id, Title = d.PublishedTitle!, UpdatedUtc = now }).ToList();
        await Bulk.InsertAsync(db, sets, withKeys: true);
        var setQuestions = sets.SelectMany(s => Enumerable.Range(0, 3).Select(p => new QuestionSetQuestion
        {
            QuestionSetId = s.Id, QuestionId = Guid.NewGuid(), Position = p, Text = $"How confident are we that question {p} is answered in practice?",
        })).ToList();
        await Bulk.InsertAsync(db, setQuestions);

        var firstRecord = (await db.DiscussionRecords.MaxAsync(r => (int?)r.Id) ?? 0) + 1;
        var records = new List<DiscussionRecord>(v.Records);
        var participants = new List<DiscussionParticipant>();
        var discussed = new List<DiscussedQuestion>();
        var agreed = new List<AgreedAction>();
        var copies = new List<LearningDiscussion>();
        for (var i = 0; i < v.Records; i++)
        {
            var b = Briefing();
            var supervisorIndex = random.Next(v.Users);
            var supervisor = users[supervisorIndex];
            var kind = (DiscussionKind)(i % 3);
            var heldOn = today.AddDays(-random.Next(1, 365));
            var record = new DiscussionRecord
            {
                Id = firstRecord + i, Kind = kind, HeldOn = heldOn, SupervisorId = supervisor.Id, SupervisorAgencyId = supervisor.AgencyId,
                QuestionSetId = sets[b].Id, QuestionSetTitle = sets[b].Title, State = RecordState.Final, Reflection = "We discussed the questions.",
                CreatedUtc = now.AddDays(-random.Next(1, 365)), UpdatedUtc = now, FinalisedUtc = now,
            };
            records.Add(record);
            copies.Add(new LearningDiscussion
            {
                RecordId = record.Id, UserId = supervisor.Id, AgencyId = supervisor.AgencyId, AsSupervisor = true, Kind = ImpactEventsFrom.KindName(kind), HeldOn = heldOn,
                Title = record.QuestionSetTitle, DocumentId = documents[b].Id,
            });
            // The supervisor is not also a participant (one copy a person and record).
            var inRecord = new HashSet<int> { supervisorIndex };
            var count = kind == DiscussionKind.OneToOne ? 1 : random.Next(2, 6);
            while (inRecord.Count < count + 1)
            {
                inRecord.Add(random.Next(v.Users));
            }

            foreach (var u in inRecord.Where(u => u != supervisorIndex))
            {
                var before = random.Next(1, 4);
                var after = Math.Min(5, before + random.Next(0, 3));
                participants.Add(new DiscussionParticipant { RecordId = record.Id, UserId = users[u].Id, AgencyId = users[u].AgencyId, ConfidenceBefore = before, ConfidenceAfter = after });
                copies.Add(new LearningDiscussion
                {
                    RecordId = record.Id, UserId = users[u].Id, AgencyId = users[u].AgencyId, Kind = ImpactEventsFrom.KindName(kind), HeldOn = heldOn,
                    Title = record.QuestionSetTitle, DocumentId = documents[b].Id, ConfidenceBefore = before, ConfidenceAfter = after,
                });
            }

            foreach (var q in setQuestions.Skip(b * 3).Take(2))
            {
                discussed.Add(new DiscussedQuestion { RecordId = record.Id, QuestionId = q.QuestionId, Position = q.Position, Wording = q.Text, Discussion = "Discussed." });
            }

            agreed.Add(new AgreedAction
            {
                RecordId = record.Id, What = "Use the screening tool at the next visit", OwnerId = supervisor.Id, DueOn = heldOn.AddDays(30),
                Status = random.Next(4) == 0 ? ActionStatus.Open : ActionStatus.Done,
            });
        }

        await Bulk.InsertAsync(db, records, withKeys: true);
        await Bulk.InsertAsync(db, participants);
        await Bulk.InsertAsync(db, discussed);
        await Bulk.InsertAsync(db, agreed);
        await Bulk.InsertAsync(db, copies);

        // Feedback: one form, answered from briefings (half) and after sessions (half).
        var form = new FeedbackForm { Name = "Benchmark feedback", Slug = "bench-feedback", State = FeedbackFormState.Open, CreatedUtc = now, UpdatedUtc = now };
        form.Questions.Add(new FeedbackQuestion { Key = Guid.NewGuid(), Type = FeedbackQuestionType.Rating, Text = "How useful was it?", IsRequired = true, SortOrder = 1, CreatedUtc = now });
        form.Questions.Add(new FeedbackQuestion { Key = Guid.NewGuid(), Type = FeedbackQuestionType.ConfidencePair, Text = "How confident are you?", IsRequired = true, SortOrder = 2, CreatedUtc = now });
        db.FeedbackForms.Add(form);
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();
        var firstResponse = (await db.FeedbackResponses.MaxAsync(r => (int?)r.Id) ?? 0) + 1;
        var responses = new List<FeedbackResponse>(v.Responses);
        var answers = new List<FeedbackAnswer>(v.Responses * 2);
        for (var i = 0; i < v.Responses; i++)
        {
            var fromBriefing = i % 2 == 0;
            var user = users[random.Next(v.Users)];
            responses.Add(new FeedbackResponse
            {
                Id = firstResponse + i, FormId = form.Id, DocumentId = fromBriefing ? documents[Briefing()].Id : null,
                SessionId = fromBriefing ? null : sessions[random.Next(sessions.Count)].Id, AgencyId = user.AgencyId,
                SubmittedUtc = now.AddDays(-random.Next(1, 365)), UserId = user.Id,
            });
            var before = random.Next(1, 5);
            answers.Add(new FeedbackAnswer { ResponseId = firstResponse + i, QuestionId = form.Questions[0].Id, Number = random.Next(1, 6) });
            answers.Add(new FeedbackAnswer { ResponseId = firstResponse + i, QuestionId = form.Questions[1].Id, Number = before, After = Math.Min(5, before + random.Next(0, 3)) });
        }

        await Bulk.InsertAsync(db, responses, withKeys: true);
        await Bulk.InsertAsync(db, answers);

        await Bulk.ResetSequenceAsync<Document>(db);
        await Bulk.ResetSequenceAsync<DocumentVersion>(db);
        await Bulk.ResetSequenceAsync<TrainingSession>(db);
        await Bulk.ResetSequenceAsync<Booking>(db);
        await Bulk.ResetSequenceAsync<QuestionSet>(db);
        await Bulk.ResetSequenceAsync<DiscussionRecord>(db);
        await Bulk.ResetSequenceAsync<FeedbackResponse>(db);

        // What the database does soon after a bulk load in production: fresh statistics (and PostgreSQL's visibility map).
        await db.Database.ExecuteSqlRawAsync(db.IsPostgres ? "VACUUM ANALYZE" : "ANALYZE");
        return documents[0].Slug;
    }
}
