using FeedbackBot.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FeedbackBot.Data.Configuration;

internal sealed class OperationalMetricValueConfiguration : IEntityTypeConfiguration<OperationalMetricValue>
{
    public void Configure(EntityTypeBuilder<OperationalMetricValue> builder)
    {
        builder.ToTable("OperationalMetricValues");
        builder.Property(v => v.Metric).HasMaxLength(64);
        builder.Property(v => v.Segment).HasMaxLength(200);
        builder.HasIndex(v => new { v.PlanId, v.Metric, v.Date, v.Segment }).IsUnique();

        // Evidence a review relied on must not vanish with a plan deleted from under it, as for cycles.
        builder.HasOne(v => v.Plan).WithMany().HasForeignKey(v => v.PlanId).OnDelete(DeleteBehavior.Restrict);
    }
}
