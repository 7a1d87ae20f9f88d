using FeedbackBot.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FeedbackBot.Data.Configuration;

internal sealed class ImprovementActionNoteConfiguration : IEntityTypeConfiguration<ImprovementActionNote>
{
    public void Configure(EntityTypeBuilder<ImprovementActionNote> builder)
    {
        builder.ToTable("ImprovementActionNotes");
        builder.Property(n => n.Kind).HasMaxLength(16);
        builder.Property(n => n.Text).HasMaxLength(4000);
        builder.Property(n => n.Author).HasMaxLength(200);
        builder.HasIndex(n => new { n.ActionId, n.At });
    }
}
