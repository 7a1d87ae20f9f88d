using FeedbackBot.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FeedbackBot.Data.Configuration;

internal sealed class SendLeaseConfiguration : IEntityTypeConfiguration<SendLease>
{
    public void Configure(EntityTypeBuilder<SendLease> builder)
    {
        builder.ToTable("SendLeases");
        builder.HasKey(l => l.TenantId);
        builder.Property(l => l.Holder).HasMaxLength(200);
        builder.HasOne(l => l.Tenant).WithOne().HasForeignKey<SendLease>(l => l.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
