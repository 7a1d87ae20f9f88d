using FeedbackBot.Core.People;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Features.Imports;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Features.Scorecards;

/// <summary>
/// Stores batches of a tenant's interactions, by <c>interaction_id</c>: a new id is added, a known one updated with
/// what the row says, and a row that says what is stored already changes nothing (not even its import time), so
/// importing the same log again is a no-op and a corrected export can simply be imported again.
/// </summary>
internal sealed class InteractionBatchWriter(FeedbackDbContext db, Guid tenantId, DateTime now) : IBatchWriter<InteractionRow>
{
    public async Task WriteAsync(IReadOnlyList<InteractionRow> rows, ImportCounts counts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(counts);
        var keys = rows.Select(r => r.Key).Distinct(StringComparer.Ordinal).ToList();
        var stored = await db.MonitoredInteractions
            .Where(i => i.TenantId == tenantId && keys.Contains(i.InteractionKey))
            .ToDictionaryAsync(i => i.InteractionKey, StringComparer.Ordinal, cancellationToken);
        var agents = await ResolveAgentsAsync(rows, cancellationToken);

        foreach (var row in rows)
        {
            var personId = agents.GetValueOrDefault(row.Agent);
            if (!stored.TryGetValue(row.Key, out var interaction))
            {
                interaction = new MonitoredInteraction
                {
                    Id = Guid.NewGuid(),
                    TenantId = tenantId,
                    InteractionKey = row.Key,
                    Agent = row.Agent,
                    Channel = row.Channel,
                    ImportedAt = now,
                };
                Apply(interaction, row, personId);
                db.MonitoredInteractions.Add(interaction);
                stored[row.Key] = interaction;
                counts.Added++;
            }
            else if (Apply(interaction, row, personId))
            {
                interaction.ImportedAt = now;
                counts.Updated++;
            }
            else
            {
                counts.Unchanged++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>Sets what the row gives; whether anything changed.</summary>
    private static bool Apply(MonitoredInteraction interaction, InteractionRow row, Guid? personId)
    {
        var changed = !string.Equals(interaction.Agent, row.Agent, StringComparison.Ordinal)
            || !string.Equals(interaction.Channel, row.Channel, StringComparison.Ordinal)
            || interaction.StartedAt != row.StartedAt
            || interaction.DurationSeconds != row.DurationSeconds
            || !string.Equals(interaction.Queue, row.Queue, StringComparison.Ordinal)
            || interaction.AgentPersonId != personId;
        interaction.Agent = row.Agent;
        interaction.Channel = row.Channel;
        interaction.StartedAt = row.StartedAt;
        interaction.DurationSeconds = row.DurationSeconds;
        interaction.Queue = row.Queue;
        interaction.AgentPersonId = personId;
        return changed;
    }

    /// <summary>
    /// The tenant's people the batch's agents are, by work e-mail address (compared in lower case, as rosters store
    /// it) or by Teams or Slack id. An agent two people could be (one address on two entries) is left unresolved
    /// rather than given to the wrong person: evaluations of them are confidential.
    /// </summary>
    private async Task<Dictionary<string, Guid?>> ResolveAgentsAsync(IReadOnlyList<InteractionRow> rows, CancellationToken cancellationToken)
    {
        var names = rows.Select(r => r.Agent).Distinct(StringComparer.Ordinal).ToList();
        var emails = names.Select(n => WorkEmail.TryNormalize(n, out var email) ? email : null).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var ids = names.Where(n => !WorkEmail.LooksLikeEmail(n)).ToList();
        var people = await db.People
            .Where(p => p.TenantId == tenantId && ((p.Email != null && emails.Contains(p.Email)) || (p.ChannelUserId != null && ids.Contains(p.ChannelUserId))))
            .Select(p => new { p.Id, p.Email, p.ChannelUserId })
            .ToListAsync(cancellationToken);

        var resolved = new Dictionary<string, Guid?>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var matches = WorkEmail.TryNormalize(name, out var email)
                ? people.Where(p => p.Email == email).Select(p => p.Id).ToList()
                : people.Where(p => p.ChannelUserId == name).Select(p => p.Id).ToList();
            resolved[name] = matches.Count == 1 ? matches[0] : null;
        }

        return resolved;
    }
}
