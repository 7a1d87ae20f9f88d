using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Features.Imports;

/// <summary>
/// Stores batches of metric values of one plan. A (metric, date, segment) holds one value: importing it again with the
/// same value changes nothing, with another value replaces it, so a corrected export can simply be imported again.
/// </summary>
internal sealed class MetricBatchWriter : IBatchWriter<MetricRow>
{
    private readonly FeedbackDbContext _db;
    private readonly Guid _planId;
    private readonly DateTime _now;

    public MetricBatchWriter(FeedbackDbContext db, Guid planId, DateTime now)
    {
        _db = db;
        _planId = planId;
        _now = now;
    }

    public async Task WriteAsync(IReadOnlyList<MetricRow> rows, ImportCounts counts, CancellationToken cancellationToken)
    {
        var dates = rows.Select(r => r.Date).Distinct().ToList();
        var metrics = rows.Select(r => r.Metric).Distinct().ToList();
        var segments = rows.Select(r => r.Segment).Distinct().ToList();

        // A superset of the stored values this batch can touch; the exact match is made below.
        var stored = (await _db.OperationalMetricValues
            .Where(v => v.PlanId == _planId && dates.Contains(v.Date) && metrics.Contains(v.Metric) && segments.Contains(v.Segment))
            .ToListAsync(cancellationToken))
            .ToDictionary(v => (v.Metric, v.Date, v.Segment));

        foreach (var row in rows)
        {
            var key = (row.Metric, row.Date, row.Segment);
            if (!stored.TryGetValue(key, out var value))
            {
                value = new OperationalMetricValue
                {
                    Id = Guid.NewGuid(),
                    PlanId = _planId,
                    Date = row.Date,
                    Metric = row.Metric,
                    Segment = row.Segment,
                    Value = row.Value,
                    ImportedAt = _now,
                    UpdatedAt = _now,
                };
                _db.OperationalMetricValues.Add(value);
                stored[key] = value;
                counts.Added++;
            }
            else if (value.Value.Equals(row.Value))
            {
                counts.Unchanged++;
            }
            else
            {
                value.Value = row.Value;
                value.UpdatedAt = _now;
                counts.Updated++;
            }
        }

        await _db.SaveChangesAsync(cancellationToken);
        _db.ChangeTracker.Clear();
    }
}
