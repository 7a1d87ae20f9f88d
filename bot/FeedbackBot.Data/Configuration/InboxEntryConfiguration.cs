using FeedbackBot.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FeedbackBot.Data.Configuration;

internal sealed class InboxEntryConfiguration : IEntityTypeConfiguration<InboxEntry>
{
    public void Configure(EntityTypeBuilder<InboxEntry> builder)
    {
        builder.ToTable("Inbox");
        builder.Property(e => e.Channel).HasMaxLength(16);
        builder.Property(e => e.DeliveryKey).HasMaxLength(300);
        builder.Property(e => e.LastError).HasMaxLength(2000);
        builder.HasIndex(e => new { e.Channel, e.DeliveryKey }).IsUnique();
        builder.HasIndex(e => e.ProcessedAt);
    }
}
