using FeedbackBot.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FeedbackBot.Data.Configuration;

internal sealed class PlanConfiguration : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> builder)
    {
        builder.ToTable("Plans");
        builder.Property(p => p.Key).HasMaxLength(64);
        builder.Property(p => p.State).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(p => new { p.TenantId, p.Key }).IsUnique();
        builder.HasOne(p => p.Tenant).WithMany(t => t.Plans).HasForeignKey(p => p.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
