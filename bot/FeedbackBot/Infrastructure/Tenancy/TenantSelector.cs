using System.CommandLine;
using FeedbackBot.CommandLine;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Infrastructure.Tenancy;

/// <summary>
/// Which tenant a command acts on: <c>local</c> (the default, shared by the command line and the playground),
/// <c>teams:TENANT-ID</c> or <c>slack:TEAM-ID</c>.
/// </summary>
internal sealed record TenantSelector(TenantChannel Channel, string ExternalId)
{
    public const string LocalExternalId = "local";

    public static TenantSelector Local { get; } = new(TenantChannel.Local, LocalExternalId);

    public static Option<string> CreateOption() => new("--tenant")
    {
        Description = "The tenant: local (default), teams:TENANT-ID or slack:TEAM-ID.",
        DefaultValueFactory = _ => LocalExternalId,
    };

    public static TenantSelector Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Equals(LocalExternalId, StringComparison.OrdinalIgnoreCase))
        {
            return Local;
        }

        var parts = text.Trim().Split(':', 2);
        var channel = parts[0].ToUpperInvariant() switch
        {
            "TEAMS" or "MSTEAMS" => TenantChannel.Teams,
            "SLACK" => TenantChannel.Slack,
            _ => (TenantChannel?)null,
        };
        if (channel is null || parts.Length < 2 || string.IsNullOrWhiteSpace(parts[1]) || parts[1].Length > 200)
        {
            throw new UsageException($"--tenant must be local, teams:TENANT-ID or slack:TEAM-ID, not '{text}'.");
        }

        return new TenantSelector(channel.Value, parts[1].Trim());
    }

    public override string ToString() =>
        Channel == TenantChannel.Local ? LocalExternalId : $"{Channel.ToString().ToLowerInvariant()}:{ExternalId}";

    public Task<Tenant?> FindAsync(FeedbackDbContext db, CancellationToken cancellationToken) =>
        db.Tenants.SingleOrDefaultAsync(t => t.Channel == Channel && t.ExternalId == ExternalId, cancellationToken);

    public async Task<Tenant> GetOrCreateAsync(FeedbackDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var tenant = await FindAsync(db, cancellationToken);
        if (tenant is not null)
        {
            return tenant;
        }

        tenant = new Tenant
        {
            Id = Guid.NewGuid(),
            Channel = Channel,
            ExternalId = ExternalId,
            Name = Channel == TenantChannel.Local ? "Local" : ToString(),
            CreatedAt = now,
        };
        db.Tenants.Add(tenant);
        return tenant;
    }
}
