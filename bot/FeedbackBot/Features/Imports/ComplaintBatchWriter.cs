using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Features.Imports;

/// <summary>Stores batches of complaints of one plan; a row whose content is already stored is counted, not added.</summary>
internal sealed class ComplaintBatchWriter : IBatchWriter<ComplaintRow>
{
    private readonly FeedbackDbContext _db;
    private readonly Guid _planId;
    private readonly IReadOnlyList<string> _columns;
    private readonly DateTime _now;

    public ComplaintBatchWriter(FeedbackDbContext db, Guid planId, ColumnLayout layout, DateTime now)
    {
        _db = db;
        _planId = planId;
        _columns = layout.Names;
        _now = now;
    }

    public async Task WriteAsync(IReadOnlyList<ComplaintRow> rows, ImportCounts counts, CancellationToken cancellationToken)
    {
        // Rows are only added, so nothing needs detecting; the setting is the caller's again afterwards, since the
        // same context may go on to change tracked entities (the playground's first run does).
        var detect = _db.ChangeTracker.AutoDetectChangesEnabled;
        _db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            var keyed = rows.Select(row => (Row: row, Key: ContentKey.Of(_columns, row.Cells))).ToList();
            var keys = keyed.Select(k => k.Key).Distinct().ToList();
            var present = (await _db.Complaints
                .Where(c => c.PlanId == _planId && keys.Contains(c.IdempotencyKey))
                .Select(c => c.IdempotencyKey)
                .ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);

            foreach (var (row, key) in keyed)
            {
                if (!present.Add(key))
                {
                    counts.Unchanged++;
                    continue;
                }

                _db.Complaints.Add(new Complaint
                {
                    Id = Guid.NewGuid(),
                    PlanId = _planId,
                    ReceivedAt = row.ReceivedAt,
                    Category = row.Category,
                    Channel = row.Channel,
                    Segment = row.Segment,
                    Text = row.Text,
                    ResolvedAt = row.ResolvedAt,
                    IdempotencyKey = key,
                    ImportedAt = _now,
                });
                counts.Added++;
            }

            await _db.SaveChangesAsync(cancellationToken);
            _db.ChangeTracker.Clear();
        }
        finally
        {
            _db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }
}
