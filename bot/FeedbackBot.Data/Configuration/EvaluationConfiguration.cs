using FeedbackBot.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FeedbackBot.Data.Configuration;

internal sealed class EvaluationConfiguration : IEntityTypeConfiguration<Evaluation>
{
    public void Configure(EntityTypeBuilder<Evaluation> builder)
    {
        builder.ToTable("Evaluations");
        builder.Property(e => e.EvaluationKey).HasMaxLength(200);
        builder.Property(e => e.InteractionKey).HasMaxLength(200);
        builder.Property(e => e.Agent).HasMaxLength(200);
        builder.Property(e => e.Evaluator).HasMaxLength(200);
        builder.Property(e => e.ScorecardId).HasMaxLength(64);
        builder.Property(e => e.Channel).HasMaxLength(16);
        builder.Property(e => e.WentWell).HasMaxLength(4000);
        builder.Property(e => e.ToImprove).HasMaxLength(4000);
        builder.Property(e => e.DiscussReason).HasMaxLength(2000);
        builder.Property(e => e.Reflection).HasMaxLength(4000);
        builder.HasIndex(e => new { e.PlanId, e.EvaluationKey }).IsUnique();

        // Calibration finds the evaluations of one interaction; an agent's own view finds theirs.
        builder.HasIndex(e => new { e.PlanId, e.InteractionKey });
        builder.HasIndex(e => new { e.TenantId, e.AgentPersonId });

        builder.HasOne(e => e.Tenant).WithMany().HasForeignKey(e => e.TenantId).OnDelete(DeleteBehavior.Cascade);

        // Evidence a review relied on must not vanish with a plan deleted from under it, as for complaints; the
        // version is kept because the scorecard the evaluation was scored on lives in it.
        builder.HasOne(e => e.Plan).WithMany().HasForeignKey(e => e.PlanId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(e => e.PlanVersion).WithMany().HasForeignKey(e => e.PlanVersionId).OnDelete(DeleteBehavior.Restrict);

        // Deleting a person keeps the evaluations (team figures still count them) but no longer ties them to anyone.
        builder.HasOne<Person>().WithMany().HasForeignKey(e => e.AgentPersonId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Person>().WithMany().HasForeignKey(e => e.EvaluatorPersonId).OnDelete(DeleteBehavior.SetNull);

        builder.HasMany(e => e.Answers).WithOne().HasForeignKey(a => a.EvaluationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.CoachingActions).WithOne().HasForeignKey(a => a.EvaluationId).OnDelete(DeleteBehavior.Cascade);
    }
}
