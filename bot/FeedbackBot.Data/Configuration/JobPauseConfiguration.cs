using FeedbackBot.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FeedbackBot.Data.Configuration;

internal sealed class JobPauseConfiguration : IEntityTypeConfiguration<JobPause>
{
    public void Configure(EntityTypeBuilder<JobPause> builder)
    {
        builder.ToTable("JobPauses");
        builder.HasKey(p => p.JobId);
        builder.Property(p => p.JobId).HasMaxLength(200);
        builder.Property(p => p.PausedBy).HasMaxLength(16);
        builder.Property(p => p.Reason).HasMaxLength(200);
    }
}
