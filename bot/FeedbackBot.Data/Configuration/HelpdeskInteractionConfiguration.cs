using FeedbackBot.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FeedbackBot.Data.Configuration;

internal sealed class HelpdeskInteractionConfiguration : IEntityTypeConfiguration<HelpdeskInteraction>
{
    public void Configure(EntityTypeBuilder<HelpdeskInteraction> builder)
    {
        builder.ToTable("HelpdeskInteractions");
        builder.Property(h => h.InteractionKey).HasMaxLength(200);
        builder.Property(h => h.Outcome).HasMaxLength(32);
        builder.HasIndex(h => new { h.TenantId, h.InteractionKey }).IsUnique();
        builder.HasOne(h => h.Tenant).WithMany().HasForeignKey(h => h.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
