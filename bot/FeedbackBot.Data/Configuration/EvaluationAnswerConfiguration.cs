using FeedbackBot.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FeedbackBot.Data.Configuration;

internal sealed class EvaluationAnswerConfiguration : IEntityTypeConfiguration<EvaluationAnswer>
{
    public void Configure(EntityTypeBuilder<EvaluationAnswer> builder)
    {
        builder.ToTable("EvaluationAnswers");
        builder.HasKey(a => new { a.EvaluationId, a.CriterionId });
        builder.Property(a => a.CriterionId).HasMaxLength(64);
        builder.Property(a => a.Answer).HasMaxLength(3);
        builder.Property(a => a.Comment).HasMaxLength(2000);
    }
}
