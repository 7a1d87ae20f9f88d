namespace FeedbackBot.Features.Imports;

/// <summary>Reads the rows of an operational metrics file; a metric must be one the plan has a KPI for.</summary>
internal sealed class MetricRowReader : IRowReader<MetricRow>
{
    public const string DateColumn = "date";
    public const string MetricColumn = "metric";
    public const string ValueColumn = "value";
    public const string SegmentColumn = "segment";

    // The database's column sizes.
    private const int MaxSegmentLength = 200;

    private static readonly string[] Required = [DateColumn, MetricColumn, ValueColumn];
    private static readonly string[] Optional = [SegmentColumn];

    private readonly string _planKey;
    private readonly IReadOnlyList<string> _metrics;

    private MetricRowReader(ColumnLayout layout, string planKey, IReadOnlyList<string> metrics)
    {
        Layout = layout;
        _planKey = planKey;
        _metrics = metrics;
    }

    public ColumnLayout Layout { get; }

    public static MetricRowReader Create(string file, IReadOnlyList<string> header, string planKey, IReadOnlyList<string> metrics, List<ImportError> errors) =>
        new(ColumnLayout.Read(file, header, Required, Optional, _ => false,
                name => $"unknown column '{name}': a metrics file has {string.Join(", ", Required)} and optionally {string.Join(", ", Optional)}",
                errors),
            planKey,
            metrics);

    public MetricRow? Read(RowCells row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var dateText = row.Text(DateColumn);
        if (!ImportValues.TryParseDate(dateText, out var date))
        {
            row.Error(DateColumn, $"{ImportValues.Quote(dateText)} is not a date written yyyy-MM-dd, such as 2026-10-05");
        }

        // Metric names are the plan's, exactly: a near miss would file the figures where no KPI reads them.
        var metric = row.Text(MetricColumn);
        if (!_metrics.Contains(metric, StringComparer.Ordinal))
        {
            row.Error(MetricColumn,
                $"{ImportValues.Quote(metric)} is not an operational metric of plan '{_planKey}'; expected one of: {string.Join(", ", _metrics)}");
        }

        var valueText = row.Text(ValueColumn);
        if (!ImportValues.TryParseNumber(valueText, out var value))
        {
            row.Error(ValueColumn, $"{ImportValues.Quote(valueText)} is not a number such as 42 or 37.5 (a '.' for decimals, no thousands separators)");
        }

        var segment = row.Text(SegmentColumn);
        if (segment.Length > MaxSegmentLength)
        {
            row.Error(SegmentColumn, $"segment is {ImportValues.Count(segment.Length)} characters long; at most {MaxSegmentLength} are kept");
        }

        return row.IsValid ? new MetricRow(date, metric, segment, value) : null;
    }
}
