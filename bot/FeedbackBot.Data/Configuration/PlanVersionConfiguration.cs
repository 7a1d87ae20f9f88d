using FeedbackBot.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FeedbackBot.Data.Configuration;

internal sealed class PlanVersionConfiguration : IEntityTypeConfiguration<PlanVersion>
{
    public void Configure(EntityTypeBuilder<PlanVersion> builder)
    {
        builder.ToTable("PlanVersions");
        builder.Property(v => v.Name).HasMaxLength(200);
        builder.Property(v => v.ContentHash).HasMaxLength(64);
        builder.Property(v => v.SourceFile).HasMaxLength(500);
        builder.HasIndex(v => new { v.PlanId, v.Number }).IsUnique();
        builder.HasOne(v => v.Plan).WithMany(p => p.Versions).HasForeignKey(v => v.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}
