using FeedbackBot.Channels.Slack;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FeedbackBot.Adapters.Slack;

/// <summary>A workspace the bot can act in: its team id, the bot token to act with, and the bot's own user id when known.</summary>
internal sealed record SlackWorkspace(string TeamId, string BotToken, string? BotUserId);

/// <summary>
/// Finds the bot token for a workspace: the one stored by the OAuth install flow (decrypted with the Data Protection
/// key ring), else <c>Slack:BotToken</c> for a bot installed in a single workspace. Each workspace is a tenant of
/// its own.
/// </summary>
internal sealed class SlackWorkspaces(
    IDbContextFactory<FeedbackDbContext> contexts,
    IDataProtectionProvider protection,
    IOptions<SlackOptions> options,
    TimeProvider clock)
{
    // The purpose string is part of the key derivation: a value protected for another purpose cannot be read here.
    private readonly IDataProtector _protector = protection.CreateProtector("FeedbackBot.Slack.BotToken.v1");

    public async Task<SlackWorkspace?> FindAsync(string teamId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var installation = await db.SlackInstallations.AsNoTracking().SingleOrDefaultAsync(i => i.TeamId == teamId, cancellationToken);
        if (installation is not null)
        {
            return new SlackWorkspace(teamId, _protector.Unprotect(installation.ProtectedBotToken), installation.BotUserId is { Length: > 0 } botUserId ? botUserId : null);
        }

        return options.Value.BotToken is { Length: > 0 } token ? new SlackWorkspace(teamId, token, null) : null;
    }

    /// <summary>Stores (or replaces, on a reinstall) a workspace's installation; its tenant is created if new.</summary>
    public async Task SaveAsync(SlackOAuthAccess access, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(access);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var tenant = await db.Tenants.SingleOrDefaultAsync(t => t.Channel == TenantChannel.Slack && t.ExternalId == access.TeamId, cancellationToken);
        if (tenant is null)
        {
            tenant = new Tenant { Id = Guid.NewGuid(), Channel = TenantChannel.Slack, ExternalId = access.TeamId, Name = access.TeamName ?? access.TeamId, CreatedAt = now };
            db.Tenants.Add(tenant);
        }
        else if (access.TeamName is { Length: > 0 } name)
        {
            tenant.Name = name;
        }

        var installation = await db.SlackInstallations.SingleOrDefaultAsync(i => i.TeamId == access.TeamId, cancellationToken);
        if (installation is null)
        {
            installation = new SlackInstallation
            {
                Id = Guid.NewGuid(),
                TenantId = tenant.Id,
                TeamId = access.TeamId,
                TeamName = string.Empty,
                AppId = string.Empty,
                BotUserId = string.Empty,
                ProtectedBotToken = string.Empty,
                Scopes = string.Empty,
                InstalledAt = now,
            };
            db.SlackInstallations.Add(installation);
        }

        installation.TeamName = Trim(access.TeamName ?? access.TeamId, 200);
        installation.AppId = Trim(access.AppId ?? string.Empty, 64);
        installation.BotUserId = Trim(access.BotUserId ?? string.Empty, 64);
        installation.ProtectedBotToken = _protector.Protect(access.AccessToken);
        installation.Scopes = Trim(string.Join(',', access.Scopes), 2000);
        installation.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string Trim(string text, int length) => text.Length <= length ? text : text[..length];
}
