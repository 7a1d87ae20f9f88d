using FeedbackBot.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FeedbackBot.Data.Configuration;

internal sealed class ReviewCycleConfiguration : IEntityTypeConfiguration<ReviewCycle>
{
    public void Configure(EntityTypeBuilder<ReviewCycle> builder)
    {
        builder.ToTable("ReviewCycles");
        builder.Property(c => c.State).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(c => new { c.PlanId, c.StartsAt }).IsUnique();

        // A cycle keeps the plan version it ran under; neither may be deleted from under it.
        builder.HasOne(c => c.Plan).WithMany().HasForeignKey(c => c.PlanId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.PlanVersion).WithMany().HasForeignKey(c => c.PlanVersionId).OnDelete(DeleteBehavior.Restrict);
    }
}
