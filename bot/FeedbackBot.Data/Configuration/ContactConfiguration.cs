using FeedbackBot.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FeedbackBot.Data.Configuration;

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> builder)
    {
        builder.ToTable("Contacts");
        builder.Property(c => c.ContactKey).HasMaxLength(200);
        builder.Property(c => c.EmailProtected).HasMaxLength(2000);
        builder.Property(c => c.EmailHash).HasMaxLength(64);
        builder.Property(c => c.Segments).HasMaxLength(4000);
        builder.Property(c => c.InteractionId).HasMaxLength(200);
        builder.Property(c => c.Agent).HasMaxLength(200);
        builder.Property(c => c.InteractionChannel).HasMaxLength(50);
        builder.HasIndex(c => new { c.PlanId, c.ContactKey }).IsUnique();
        builder.HasIndex(c => new { c.TenantId, c.EmailHash });
        builder.HasOne(c => c.Tenant).WithMany().HasForeignKey(c => c.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.Plan).WithMany().HasForeignKey(c => c.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}
