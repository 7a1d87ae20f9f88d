using FeedbackBot.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FeedbackBot.Data.Configuration;

internal sealed class TenantConfiguration : IEntityTypeConfiguration<Tenant>
{
    public void Configure(EntityTypeBuilder<Tenant> builder)
    {
        builder.ToTable("Tenants");
        builder.Property(t => t.Channel).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.ExternalId).HasMaxLength(200);
        builder.Property(t => t.Name).HasMaxLength(200);
        builder.HasIndex(t => new { t.Channel, t.ExternalId }).IsUnique();
    }
}
