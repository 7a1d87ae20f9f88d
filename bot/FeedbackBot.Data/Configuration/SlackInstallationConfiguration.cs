using FeedbackBot.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FeedbackBot.Data.Configuration;

internal sealed class SlackInstallationConfiguration : IEntityTypeConfiguration<SlackInstallation>
{
    public void Configure(EntityTypeBuilder<SlackInstallation> builder)
    {
        builder.ToTable("SlackInstallations");
        builder.Property(i => i.TeamId).HasMaxLength(64);
        builder.Property(i => i.TeamName).HasMaxLength(200);
        builder.Property(i => i.AppId).HasMaxLength(64);
        builder.Property(i => i.BotUserId).HasMaxLength(64);
        builder.Property(i => i.ProtectedBotToken).HasMaxLength(4000);
        builder.Property(i => i.Scopes).HasMaxLength(2000);
        builder.HasIndex(i => i.TeamId).IsUnique();
        builder.HasIndex(i => i.TenantId).IsUnique();
        builder.HasOne(i => i.Tenant).WithMany().HasForeignKey(i => i.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
