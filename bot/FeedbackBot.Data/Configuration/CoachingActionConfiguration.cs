using FeedbackBot.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FeedbackBot.Data.Configuration;

internal sealed class CoachingActionConfiguration : IEntityTypeConfiguration<CoachingAction>
{
    public void Configure(EntityTypeBuilder<CoachingAction> builder)
    {
        builder.ToTable("CoachingActions");
        builder.Property(a => a.What).HasMaxLength(2000);
        builder.Property(a => a.Support).HasMaxLength(2000);
        builder.Property(a => a.Note).HasMaxLength(2000);
        builder.Property(a => a.State).HasConversion<string>().HasMaxLength(16);
    }
}
