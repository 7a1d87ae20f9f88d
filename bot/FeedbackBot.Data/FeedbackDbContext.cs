using FeedbackBot.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace FeedbackBot.Data;

/// <summary>
/// The one EF Core model, used with SQLite (the embedded default) and PostgreSQL. Tables and columns are
/// snake_case so the schema reads naturally in psql and sqlite3. Migrations are hand-written (see
/// Migrations/), and a test proves on both providers that they build exactly this model's schema.
/// </summary>
public sealed class FeedbackDbContext(DbContextOptions<FeedbackDbContext> options) : DbContext(options)
{
    public DbSet<Tenant> Tenants => Set<Tenant>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<PersonSegment> PersonSegments => Set<PersonSegment>();
    public DbSet<Plan> Plans => Set<Plan>();
    public DbSet<PlanVersion> PlanVersions => Set<PlanVersion>();
    public DbSet<PlanQuestion> PlanQuestions => Set<PlanQuestion>();
    public DbSet<ReviewCycle> ReviewCycles => Set<ReviewCycle>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<EmailSuppression> EmailSuppressions => Set<EmailSuppression>();
    public DbSet<HelpdeskInteraction> HelpdeskInteractions => Set<HelpdeskInteraction>();
    public DbSet<Response> Responses => Set<Response>();
    public DbSet<Answer> Answers => Set<Answer>();
    public DbSet<InstallationSecret> InstallationSecrets => Set<InstallationSecret>();
    public DbSet<Complaint> Complaints => Set<Complaint>();
    public DbSet<OperationalMetricValue> OperationalMetricValues => Set<OperationalMetricValue>();
    public DbSet<StoredReview> Reviews => Set<StoredReview>();
    public DbSet<ConversationReference> ConversationReferences => Set<ConversationReference>();
    public DbSet<FeedbackEntry> FeedbackEntries => Set<FeedbackEntry>();
    public DbSet<InboxEntry> Inbox => Set<InboxEntry>();
    public DbSet<SlackInstallation> SlackInstallations => Set<SlackInstallation>();
    public DbSet<DataProtectionKeyRecord> DataProtectionKeys => Set<DataProtectionKeyRecord>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<JobPause> JobPauses => Set<JobPause>();
    public DbSet<SendLease> SendLeases => Set<SendLease>();
    public DbSet<MonitoredInteraction> MonitoredInteractions => Set<MonitoredInteraction>();
    public DbSet<Evaluation> Evaluations => Set<Evaluation>();
    public DbSet<EvaluationAnswer> EvaluationAnswers => Set<EvaluationAnswer>();
    public DbSet<CoachingAction> CoachingActions => Set<CoachingAction>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ImprovementAction> ImprovementActions => Set<ImprovementAction>();
    public DbSet<ImprovementActionNote> ImprovementActionNotes => Set<ImprovementActionNote>();
    public DbSet<ImprovementActionMilestone> ImprovementActionMilestones => Set<ImprovementActionMilestone>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // SQLite hands DateTime back as Unspecified; every instant we store is UTC, so say so on the way out.
        // PostgreSQL (timestamptz) already returns UTC and rejects non-UTC values on the way in.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(FeedbackDbContext).Assembly);
        SnakeCaseNames.Apply(modelBuilder);
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
