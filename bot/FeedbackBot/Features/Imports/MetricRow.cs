namespace FeedbackBot.Features.Imports;

/// <summary>One good row of a metrics file: a day's value of an operational metric, for a segment or (empty) the whole service.</summary>
internal sealed record MetricRow(DateOnly Date, string Metric, string Segment, double Value);
