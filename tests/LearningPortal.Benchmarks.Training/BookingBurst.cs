using System.Diagnostics;
using LearningPortal.Benchmarks.Shared;
using LearningPortal.Core.Accounts;
using LearningPortal.Core.Auditing;
using LearningPortal.Core.Common;
using LearningPortal.Core.Data;
using LearningPortal.Core.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningPortal.Benchmarks.Training;

/// <summary>What one burst found: the problems (none means correct) and its timing.</summary>
internal sealed record BurstResult(IReadOnlyList<string> Problems, TimeSpan Elapsed, double[] LatenciesMs)
{
    /// <summary>Commands the portal's contexts sent per booking (each a round trip), from <see cref="CommandCounter"/>.</summary>
    public double CommandsPerBooking { get; init; }

    public double CommitsPerBooking { get; init; }
}

/// <summary>Creates sessions and people, and fires concurrent booking attempts at the booking service.</summary>
internal sealed class BookingBurst(BenchmarkDatabase database)
{
    private int agencyId;

    public async Task<int> SessionAsync(int capacity)
    {
        using var scope = database.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        if (agencyId == 0)
        {
            var agency = new Agency { Name = "Bench agency " + Guid.NewGuid().ToString("N")[..6] };
            db.Agencies.Add(agency);
            await db.SaveChangesAsync();
            agencyId = agency.Id;
        }

        var slug = "bench-" + Guid.NewGuid().ToString("N")[..10];
        var course = new Course { Title = "Benchmark " + slug, Slug = slug, Summary = "s", Audience = "a", Length = "Half day", CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow };
        var start = DateTime.UtcNow.Date.AddDays(30).AddHours(9);
        var session = new TrainingSession
        {
            Course = course,
            StartUtc = start,
            EndUtc = start.AddHours(3),
            Venue = "Town Hall",
            Capacity = capacity,
            BookingOpensUtc = DateTime.UtcNow.AddDays(-1),
            BookingClosesUtc = start.AddDays(-1),
            Trainer = "Trainer",
            CreatedUtc = DateTime.UtcNow,
        };
        db.TrainingSessions.Add(session);
        await db.SaveChangesAsync();
        return session.Id;
    }

    public async Task<List<PortalUser>> PeopleAsync(int count)
    {
        using var scope = database.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var run = Guid.NewGuid().ToString("N")[..8];
        var people = Enumerable.Range(0, count).Select(i =>
        {
            var email = $"bench-{run}-{i}@example.org";
            return new PortalUser
            {
                UserName = email,
                NormalizedUserName = email.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true,
                SecurityStamp = Guid.NewGuid().ToString("N"),
                DisplayName = $"Person {i}",
                JobRole = "Social worker",
                AgencyId = agencyId,
                CreatedUtc = DateTime.UtcNow,
            };
        }).ToList();
        db.Users.AddRange(people);
        await db.SaveChangesAsync();
        return people;
    }

    /// <summary>
    /// Every person tries to book the session at the same moment. Checks: exactly <paramref name="capacity"/>
    /// confirmed, everyone else on the waiting list, one booking per person, arrival numbers 1..N without gaps
    /// with the places going to the first arrivals and waiting-list positions in arrival order, no errors;
    /// then cancels five places at once and checks the next five in the queue got them.
    /// </summary>
    public async Task<BurstResult> RunAsync(int attempts, int capacity)
    {
        var sessionId = await SessionAsync(capacity);
        var people = await PeopleAsync(attempts);
        var problems = new List<string>();
        var latencies = new double[attempts];
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var clock = Stopwatch.StartNew();
        var tasks = people.Select((p, i) => Task.Run(async () =>
        {
            await go.Task;
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var scope = database.Services.CreateScope();
                var booking = scope.ServiceProvider.GetRequiredService<BookingService>();
                return await booking.BookAsync(new BookingRequest(sessionId, p.Id, p.DisplayName, p.AgencyId, p.JobRole));
            }
            finally
            {
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        })).ToList();
        var (commands, commits) = (CommandCounter.Instance.Commands, CommandCounter.Instance.Commits);
        clock.Restart();
        go.SetResult();
        Outcome<BookedPlace>[] results;
        try
        {
            results = await Task.WhenAll(tasks);
        }
        catch (Exception)
        {
            var errors = tasks.Where(t => t.IsFaulted).Select(t => t.Exception!.GetBaseException().Message).Distinct().Take(3);
            problems.Add($"{tasks.Count(t => t.IsFaulted)} attempts threw: {string.Join(" | ", errors)}");
            return new BurstResult(problems, clock.Elapsed, latencies);
        }

        var elapsed = clock.Elapsed;
        var perBooking = (Commands: (CommandCounter.Instance.Commands - commands) / (double)attempts, Commits: (CommandCounter.Instance.Commits - commits) / (double)attempts);
        using var scope = database.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var rows = await db.Bookings.AsNoTracking().Where(b => b.SessionId == sessionId).ToListAsync();
        var session = await db.TrainingSessions.AsNoTracking().SingleAsync(s => s.Id == sessionId);
        Check(problems, results.Count(r => r.Value!.Outcome == BookingOutcome.Confirmed) == capacity, $"confirmed {results.Count(r => r.Value!.Outcome == BookingOutcome.Confirmed)}, expected {capacity}");
        Check(problems, results.Count(r => r.Value!.Outcome == BookingOutcome.Waitlisted) == attempts - capacity, "waiting list count");
        Check(problems, results.All(r => r.Succeeded), "refusals: " + string.Join(", ", results.Where(r => !r.Succeeded).Select(r => r.Message).Distinct()));
        Check(problems, rows.Count == attempts && rows.Select(r => r.UserId).Distinct().Count() == attempts, $"bookings {rows.Count} for {rows.Select(r => r.UserId).Distinct().Count()} people");
        Check(problems, rows.Select(r => r.QueueNumber).Order().SequenceEqual(Enumerable.Range(1, attempts)), "arrival numbers are not 1..N");
        Check(problems, rows.All(r => r.Status == (r.QueueNumber <= capacity ? BookingStatus.Confirmed : BookingStatus.Waitlisted)), "a place went to someone who arrived later than a person left waiting");
        var byId = rows.ToDictionary(r => r.Id);
        Check(problems, results.Where(r => r.Value!.Outcome == BookingOutcome.Waitlisted).All(r => r.Value!.WaitlistPosition == byId[r.Value!.BookingId].QueueNumber - capacity), "waiting-list positions are not in arrival order");
        Check(problems, session.PlacesTaken == capacity, $"places taken {session.PlacesTaken}");
        Check(problems, await db.OutboxMessages.CountAsync() >= attempts, "an email per booking");

        // Five people cancel at once: the next five in arrival order get the places.
        var cancelling = rows.Where(r => r.Status == BookingStatus.Confirmed).Take(5).ToList();
        await Task.WhenAll(cancelling.Select(b => Task.Run(async () =>
        {
            using var s = database.Services.CreateScope();
            var result = await s.ServiceProvider.GetRequiredService<BookingService>().CancelAsync(b.Id, new Actor(b.UserId, "bench"), asStaff: false);
            Check(problems, result.Succeeded, "cancel: " + result.Message);
        })));
        var promoted = await db.Bookings.AsNoTracking().Where(b => b.SessionId == sessionId && b.Status == BookingStatus.Confirmed && b.QueueNumber > capacity)
            .Select(b => b.QueueNumber).OrderBy(q => q).ToListAsync();
        Check(problems, promoted.SequenceEqual(Enumerable.Range(capacity + 1, 5)), "promoted " + string.Join(",", promoted));
        return new BurstResult(problems, elapsed, latencies) { CommandsPerBooking = perBooking.Commands, CommitsPerBooking = perBooking.Commits };
    }

    /// <summary>
    /// <paramref name="users"/> concurrent users each book <paramref name="each"/> times in a row (distinct people), on
    /// <paramref name="sessions"/> sessions; returns every booking's latency.
    /// </summary>
    public async Task<BurstResult> LatencyAsync(int users, int each, int sessions, int capacity)
    {
        var sessionIds = new List<int>();
        for (var i = 0; i < sessions; i++)
        {
            sessionIds.Add(await SessionAsync(capacity));
        }

        var people = await PeopleAsync(users * each);
        var latencies = new double[users * each];
        var problems = new List<string>();
        var (commands, commits) = (CommandCounter.Instance.Commands, CommandCounter.Instance.Commits);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, users).Select(u => Task.Run(async () =>
        {
            for (var k = 0; k < each; k++)
            {
                var i = u * each + k;
                var p = people[i];
                var started = Stopwatch.GetTimestamp();
                using var scope = database.Services.CreateScope();
                // User u's k-th booking is on session (u + k): at each step the users are on different sessions. (It was
                // session i % sessions with i = 20u + k, which put the 50 users on only 5 sessions at a time, 10 queued on each.)
                var result = await scope.ServiceProvider.GetRequiredService<BookingService>()
                    .BookAsync(new BookingRequest(sessionIds[(u + k) % sessions], p.Id, p.DisplayName, p.AgencyId, p.JobRole));
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (!result.Succeeded)
                {
                    lock (problems)
                    {
                        problems.Add(result.Message ?? "refused");
                    }
                }
            }
        })));
        var elapsed = clock.Elapsed;
        return new BurstResult(problems, elapsed, latencies)
        {
            CommandsPerBooking = (CommandCounter.Instance.Commands - commands) / (double)latencies.Length,
            CommitsPerBooking = (CommandCounter.Instance.Commits - commits) / (double)latencies.Length,
        };
    }

    private static void Check(List<string> problems, bool ok, string problem)
    {
        if (!ok)
        {
            lock (problems)
            {
                problems.Add(problem);
            }
        }
    }
}
