using FeedbackBot.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FeedbackBot.Data.Configuration;

internal sealed class FeedbackEntryConfiguration : IEntityTypeConfiguration<FeedbackEntry>
{
    public void Configure(EntityTypeBuilder<FeedbackEntry> builder)
    {
        builder.ToTable("FeedbackEntries");
        builder.Property(f => f.Feature).HasMaxLength(100);
        builder.Property(f => f.Kind).HasMaxLength(16);
        builder.Property(f => f.Text).HasMaxLength(4000);
        builder.Property(f => f.IdempotencyKey).HasMaxLength(200);
        builder.HasIndex(f => new { f.TenantId, f.IdempotencyKey }).IsUnique();
        builder.HasIndex(f => new { f.TenantId, f.ReceivedAt });
        builder.HasOne(f => f.Tenant).WithMany().HasForeignKey(f => f.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
