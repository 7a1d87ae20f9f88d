namespace FeedbackBot.Tests.Infrastructure.Telemetry;

/// <summary>A span as an OTLP trace export carried it.</summary>
internal sealed record ExportedSpan(string Scope, string TraceId, string SpanId, string ParentSpanId, string Name, SpanKind Kind, IReadOnlyDictionary<string, string> Attributes);

/// <summary>One data point of a sum (a counter) or a gauge as an OTLP metrics export carried it.</summary>
internal sealed record ExportedPoint(string Scope, string Metric, double Value, IReadOnlyDictionary<string, string> Attributes);

/// <summary>opentelemetry-proto's Span.SpanKind.</summary>
internal enum SpanKind
{
    Unspecified,
    Internal,
    Server,
    Client,
    Producer,
    Consumer,
}

/// <summary>
/// The OTLP requests a collector receives, read by opentelemetry-proto's field numbers
/// (collector/trace/v1, collector/metrics/v1, trace/v1, metrics/v1, common/v1).
/// </summary>
internal static class Otlp
{
    /// <summary>ExportTraceServiceRequest: resource_spans(1) → scope_spans(2) → { scope(1).name(1), spans(2) }.</summary>
    public static IEnumerable<ExportedSpan> Spans(ProtoMessage request) =>
        from resource in request.Messages(1)
        from scope in resource.Messages(2)
        let scopeName = scope.Message(1)?.String(1) ?? ""
        from span in scope.Messages(2)
        select new ExportedSpan(
            scopeName,
            TraceId: span.Hex(1),
            SpanId: span.Hex(2),
            ParentSpanId: span.Hex(4),
            Name: span.String(5) ?? "",
            Kind: (SpanKind)(span.Varint(6) ?? 0),
            Attributes: Attributes(span, 9));

    /// <summary>
    /// ExportMetricsServiceRequest: resource_metrics(1) → scope_metrics(2) → metrics(2) → { name(1), gauge(5) or
    /// sum(7) → data_points(1) → { as_double(4) | as_int(6), attributes(7) } }.
    /// </summary>
    public static IEnumerable<ExportedPoint> NumberPoints(ProtoMessage request) =>
        from resource in request.Messages(1)
        from scope in resource.Messages(2)
        let scopeName = scope.Message(1)?.String(1) ?? ""
        from metric in scope.Messages(2)
        let data = metric.Message(7) ?? metric.Message(5)
        where data is not null
        from point in data.Messages(1)
        let value = point.Fixed64(6) is { } integer ? unchecked((long)integer) : point.Fixed64(4) is { } bits ? BitConverter.Int64BitsToDouble(unchecked((long)bits)) : (double?)null
        where value is not null
        select new ExportedPoint(scopeName, metric.String(1) ?? "", value.Value, Attributes(point, 7));

    /// <summary>The service.name of each resource in a request: resource(1) → attributes(1).</summary>
    public static IEnumerable<string> ServiceNames(ProtoMessage request) =>
        from resource in request.Messages(1)
        let attributes = resource.Message(1) is { } r ? Attributes(r, 1) : new Dictionary<string, string>()
        where attributes.ContainsKey("service.name")
        select attributes["service.name"];

    // KeyValue { key(1), value(2): AnyValue { string_value(1) | bool_value(2) | int_value(3) | ... } }; strings and
    // integers are all these tests read.
    private static Dictionary<string, string> Attributes(ProtoMessage owner, int number)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in owner.Messages(number))
        {
            var value = pair.Message(2);
            attributes[pair.String(1) ?? ""] = value?.String(1)
                ?? (value?.Varint(3) is { } integer ? unchecked((long)integer).ToString(System.Globalization.CultureInfo.InvariantCulture) : null)
                ?? (value?.Varint(2) is { } flag ? (flag != 0).ToString() : "");
        }

        return attributes;
    }
}
