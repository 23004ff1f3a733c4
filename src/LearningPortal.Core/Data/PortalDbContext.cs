using LearningPortal.Core.Accounts;
using LearningPortal.Core.ActionPlans;
using LearningPortal.Core.Auditing;
using LearningPortal.Core.Content;
using LearningPortal.Core.Content.Media;
using LearningPortal.Core.Email;
using LearningPortal.Core.Feedback;
using LearningPortal.Core.Search;
using LearningPortal.Core.Settings;
using LearningPortal.Core.Supervision;
using LearningPortal.Core.Training;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace LearningPortal.Core.Data;

/// <summary>
/// The portal's one database: Identity, the modules' tables and the data-protection key ring
/// (kept here so that several instances share it).
/// </summary>
public partial class PortalDbContext(DbContextOptions<PortalDbContext> options)
    : IdentityDbContext<PortalUser>(options), IDataProtectionKeyContext
{
    public DbSet<Agency> Agencies => Set<Agency>();

    public DbSet<PreviousEmail> PreviousEmails => Set<PreviousEmail>();

    public DbSet<UserSession> UserSessions => Set<UserSession>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<SiteSetting> SiteSettings => Set<SiteSetting>();

    public DbSet<Document> Documents => Set<Document>();

    public DbSet<DocumentVersion> DocumentVersions => Set<DocumentVersion>();

    public DbSet<ReflectionQuestion> ReflectionQuestions => Set<ReflectionQuestion>();

    public DbSet<ContentRedirect> ContentRedirects => Set<ContentRedirect>();

    public DbSet<ScheduledContentChange> ScheduledContentChanges => Set<ScheduledContentChange>();

    public DbSet<MediaItem> MediaItems => Set<MediaItem>();

    public DbSet<MediaBlob> MediaBlobs => Set<MediaBlob>();

    /// <summary>Changes to searchable items, applied by each instance's search index in order.</summary>
    public DbSet<SearchJournalEntry> SearchJournal => Set<SearchJournalEntry>();

    public DbSet<Course> Courses => Set<Course>();

    public DbSet<TrainingSession> TrainingSessions => Set<TrainingSession>();

    public DbSet<Booking> Bookings => Set<Booking>();

    public DbSet<ApprovalRequest> ApprovalRequests => Set<ApprovalRequest>();

    public DbSet<AttendanceRecord> AttendanceRecords => Set<AttendanceRecord>();

    public DbSet<Gcp2RegisterEntry> Gcp2Register => Set<Gcp2RegisterEntry>();

    public DbSet<QuestionSet> QuestionSets => Set<QuestionSet>();

    public DbSet<QuestionSetQuestion> QuestionSetQuestions => Set<QuestionSetQuestion>();

    /// <summary>Supervision records: read only through <see cref="Supervision.DiscussionRecords"/>, which checks who may.</summary>
    public DbSet<DiscussionRecord> DiscussionRecords => Set<DiscussionRecord>();

    public DbSet<DiscussionParticipant> DiscussionParticipants => Set<DiscussionParticipant>();

    public DbSet<DiscussedQuestion> DiscussedQuestions => Set<DiscussedQuestion>();

    public DbSet<AgreedAction> AgreedActions => Set<AgreedAction>();

    public DbSet<ParticipantReflection> ParticipantReflections => Set<ParticipantReflection>();

    public DbSet<RecordAuditEntry> RecordAuditEntries => Set<RecordAuditEntry>();

    public DbSet<FeedbackForm> FeedbackForms => Set<FeedbackForm>();

    public DbSet<FeedbackQuestion> FeedbackQuestions => Set<FeedbackQuestion>();

    public DbSet<FeedbackResponse> FeedbackResponses => Set<FeedbackResponse>();

    public DbSet<FeedbackAnswer> FeedbackAnswers => Set<FeedbackAnswer>();

    public DbSet<FeedbackSpentToken> FeedbackSpentTokens => Set<FeedbackSpentToken>();

    public DbSet<FeedbackInvitation> FeedbackInvitations => Set<FeedbackInvitation>();

    public DbSet<Objective> Objectives => Set<Objective>();

    public DbSet<ObjectiveMeasure> ObjectiveMeasures => Set<ObjectiveMeasure>();

    public DbSet<ObjectiveLink> ObjectiveLinks => Set<ObjectiveLink>();

    public DbSet<PartnershipGroup> PartnershipGroups => Set<PartnershipGroup>();

    public DbSet<ActionPlan> ActionPlans => Set<ActionPlan>();

    public DbSet<PlanEditor> PlanEditors => Set<PlanEditor>();

    public DbSet<PlanAction> PlanActions => Set<PlanAction>();

    public DbSet<ActionUpdate> ActionUpdates => Set<ActionUpdate>();

    public DbSet<ActionEvidenceFile> ActionEvidenceFiles => Set<ActionEvidenceFile>();

    public DbSet<ActionHistoryEntry> ActionHistory => Set<ActionHistoryEntry>();

    public DbSet<Impact.BriefingRead> BriefingReads => Set<Impact.BriefingRead>();

    public DbSet<Impact.AnonymousBriefingViews> AnonymousBriefingViews => Set<Impact.AnonymousBriefingViews>();

    public DbSet<Impact.BriefingReadCount> BriefingReadCounts => Set<Impact.BriefingReadCount>();

    public DbSet<Impact.BriefingReflection> BriefingReflections => Set<Impact.BriefingReflection>();

    public DbSet<Impact.LearningActivity> LearningActivities => Set<Impact.LearningActivity>();

    public DbSet<Impact.LearningAttendance> LearningAttendances => Set<Impact.LearningAttendance>();

    public DbSet<Impact.LearningDiscussion> LearningDiscussions => Set<Impact.LearningDiscussion>();

    public DbSet<Impact.OutcomeFigure> OutcomeFigures => Set<Impact.OutcomeFigure>();

    public DbSet<Impact.ImpactBooking> ImpactBookings => Set<Impact.ImpactBooking>();

    public DbSet<Impact.ImpactFeedback> ImpactFeedback => Set<Impact.ImpactFeedback>();

    public DbSet<Impact.Gcp2Target> Gcp2Targets => Set<Impact.Gcp2Target>();

    public DbSet<AssuranceRequest> AssuranceRequests => Set<AssuranceRequest>();

    public DbSet<AssuranceRequestAgency> AssuranceRequestAgencies => Set<AssuranceRequestAgency>();

    public DbSet<AssuranceAnswer> AssuranceAnswers => Set<AssuranceAnswer>();

    public DbSet<AssuranceAnswerRevision> AssuranceAnswerRevisions => Set<AssuranceAnswerRevision>();

    public DbSet<AssuranceEvidenceFile> AssuranceEvidenceFiles => Set<AssuranceEvidenceFile>();

    /// <summary>True when the database is PostgreSQL; some queries (locking, text search) differ by provider.</summary>
    public bool IsPostgres => Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true;

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder.AddInterceptors(CommitCallbacks.Interceptor, RoundTripInterceptor.Instance);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every DateTime is UTC in the database; reading one back marks it as UTC so that
        // conversions to UK time are right, and PostgreSQL's timestamptz accepts it.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.ToUniversalTime(), DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private sealed class NullableUtcDateTimeConverter() : ValueConverter<DateTime?, DateTime?>(
        v => v == null ? v : v.Value.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.Value.ToUniversalTime(), DateTimeKind.Utc),
        v => v == null ? v : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc));
}
