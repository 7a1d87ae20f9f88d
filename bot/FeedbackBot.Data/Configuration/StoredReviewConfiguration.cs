using FeedbackBot.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FeedbackBot.Data.Configuration;

internal sealed class StoredReviewConfiguration : IEntityTypeConfiguration<StoredReview>
{
    public void Configure(EntityTypeBuilder<StoredReview> builder)
    {
        builder.ToTable("Reviews");
        builder.Property(r => r.Document).IsRequired();

        // "The latest review of a plan" is the question managers ask most.
        builder.HasIndex(r => new { r.PlanId, r.CreatedAt });
        builder.HasIndex(r => r.CycleId);
        builder.HasOne(r => r.Plan).WithMany().HasForeignKey(r => r.PlanId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Cycle).WithMany().HasForeignKey(r => r.CycleId).OnDelete(DeleteBehavior.Restrict);
    }
}
