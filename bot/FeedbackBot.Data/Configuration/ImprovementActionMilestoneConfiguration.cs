using FeedbackBot.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FeedbackBot.Data.Configuration;

internal sealed class ImprovementActionMilestoneConfiguration : IEntityTypeConfiguration<ImprovementActionMilestone>
{
    public void Configure(EntityTypeBuilder<ImprovementActionMilestone> builder)
    {
        builder.ToTable("ImprovementActionMilestones");
        builder.Property(m => m.Title).HasMaxLength(300);

        // People refer to a milestone by its number within the action; two added at once cannot share one.
        builder.HasIndex(m => new { m.ActionId, m.Number }).IsUnique();
    }
}
