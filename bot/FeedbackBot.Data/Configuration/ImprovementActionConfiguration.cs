using FeedbackBot.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FeedbackBot.Data.Configuration;

internal sealed class ImprovementActionConfiguration : IEntityTypeConfiguration<ImprovementAction>
{
    public void Configure(EntityTypeBuilder<ImprovementAction> builder)
    {
        builder.ToTable("ImprovementActions");
        builder.Property(a => a.RecommendationId).HasMaxLength(16);
        builder.Property(a => a.RecommendationKey).HasMaxLength(400);
        builder.Property(a => a.Title).HasMaxLength(300);
        builder.Property(a => a.Feature).HasMaxLength(64);
        builder.Property(a => a.Theme).HasMaxLength(64);
        builder.Property(a => a.Kpi).HasMaxLength(64);
        builder.Property(a => a.Metric).HasMaxLength(200);
        builder.Property(a => a.Direction).HasMaxLength(8);
        builder.Property(a => a.Owner).HasMaxLength(320);
        builder.Property(a => a.Resources).HasMaxLength(2000);
        builder.Property(a => a.Cost).HasPrecision(18, 2);
        builder.Property(a => a.Status).HasConversion(
            s => ImprovementActionStatuses.Name(s),
            text => ImprovementActionStatuses.Parse(text)).HasMaxLength(16);
        builder.Property(a => a.CreatedBy).HasMaxLength(200);

        // People refer to an action by its number; one recommendation of a review is adopted once.
        builder.HasIndex(a => new { a.TenantId, a.Number }).IsUnique();
        builder.HasIndex(a => new { a.ReviewId, a.RecommendationId }).IsUnique();
        builder.HasIndex(a => new { a.PlanId, a.RecommendationKey });

        builder.HasOne(a => a.Tenant).WithMany().HasForeignKey(a => a.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Plan).WithMany().HasForeignKey(a => a.PlanId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StoredReview>().WithMany().HasForeignKey(a => a.ReviewId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(a => a.OwnerPersonId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(a => a.Notes).WithOne().HasForeignKey(n => n.ActionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Milestones).WithOne().HasForeignKey(m => m.ActionId).OnDelete(DeleteBehavior.Cascade);
    }
}
