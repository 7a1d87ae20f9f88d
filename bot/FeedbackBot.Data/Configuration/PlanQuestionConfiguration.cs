using FeedbackBot.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FeedbackBot.Data.Configuration;

internal sealed class PlanQuestionConfiguration : IEntityTypeConfiguration<PlanQuestion>
{
    public void Configure(EntityTypeBuilder<PlanQuestion> builder)
    {
        builder.ToTable("PlanQuestions");
        builder.Property(q => q.Key).HasMaxLength(64);
        builder.Property(q => q.Text).HasMaxLength(500);
        builder.Property(q => q.Type).HasConversion<string>().HasMaxLength(16);
        builder.Property(q => q.Feature).HasMaxLength(64);
        builder.Property(q => q.Audience).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(q => new { q.PlanVersionId, q.Key }).IsUnique();
        builder.HasOne(q => q.PlanVersion).WithMany(v => v.Questions).HasForeignKey(q => q.PlanVersionId).OnDelete(DeleteBehavior.Cascade);
    }
}
