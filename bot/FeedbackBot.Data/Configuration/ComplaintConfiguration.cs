using FeedbackBot.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FeedbackBot.Data.Configuration;

internal sealed class ComplaintConfiguration : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> builder)
    {
        builder.ToTable("Complaints");
        builder.Property(c => c.Category).HasMaxLength(100);
        builder.Property(c => c.Channel).HasMaxLength(50);
        builder.Property(c => c.Segment).HasMaxLength(200);
        builder.Property(c => c.Text).HasMaxLength(4000);
        builder.Property(c => c.IdempotencyKey).HasMaxLength(200);
        builder.HasIndex(c => new { c.PlanId, c.IdempotencyKey }).IsUnique();
        builder.HasIndex(c => new { c.PlanId, c.ReceivedAt });

        // Evidence a review relied on must not vanish with a plan deleted from under it, as for cycles.
        builder.HasOne(c => c.Plan).WithMany().HasForeignKey(c => c.PlanId).OnDelete(DeleteBehavior.Restrict);
    }
}
