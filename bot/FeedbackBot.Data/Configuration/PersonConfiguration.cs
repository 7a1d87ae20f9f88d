using FeedbackBot.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FeedbackBot.Data.Configuration;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.ToTable("People");
        builder.Property(p => p.ChannelUserId).HasMaxLength(200);
        builder.Property(p => p.DisplayName).HasMaxLength(200);
        builder.Property(p => p.Email).HasMaxLength(320);
        builder.Property(p => p.RosterSource).HasMaxLength(16);
        builder.HasIndex(p => new { p.TenantId, p.Email });
        builder.Property(p => p.Role).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(p => new { p.TenantId, p.ChannelUserId }).IsUnique();
        // Every turn asks whether its tenant has an admin yet; without this that reads every person of the tenant.
        builder.HasIndex(p => new { p.TenantId, p.Role });
        builder.HasOne(p => p.Tenant).WithMany(t => t.People).HasForeignKey(p => p.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Segments).WithOne().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
