using FeedbackBot.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FeedbackBot.Data.Configuration;

internal sealed class PersonSegmentConfiguration : IEntityTypeConfiguration<PersonSegment>
{
    public void Configure(EntityTypeBuilder<PersonSegment> builder)
    {
        builder.ToTable("PersonSegments");
        builder.HasKey(a => new { a.PersonId, a.Name });
        builder.Property(a => a.Name).HasMaxLength(64);
        builder.Property(a => a.Value).HasMaxLength(200);
        builder.Property(a => a.Source).HasMaxLength(16);
        builder.HasIndex(a => new { a.Name, a.Value });
    }
}
