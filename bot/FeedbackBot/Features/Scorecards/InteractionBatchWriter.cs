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
        var agents = await RosterPeople.ResolveAsync(db, tenantId, rows.Select(r => r.Agent), cancellationToken);

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
}
