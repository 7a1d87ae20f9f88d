using FeedbackBot.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FeedbackBot.Data.Configuration;

internal sealed class InstallationSecretConfiguration : IEntityTypeConfiguration<InstallationSecret>
{
    public void Configure(EntityTypeBuilder<InstallationSecret> builder)
    {
        builder.ToTable("InstallationSecrets");
        builder.HasKey(s => s.Name);
        builder.Property(s => s.Name).HasMaxLength(64);
    }
}
