using System.IO.Compression;
using System.Net;
using FeedbackBot.Tests.Support;

namespace FeedbackBot.Tests.Infrastructure.Telemetry;

/// <summary>
/// A collector on 127.0.0.1 that takes OTLP/HTTP in protobuf (<c>POST /v1/traces</c>, <c>/v1/metrics</c>,
/// <c>/v1/logs</c>), keeps the spans and counter points it reads, and completes a test's wait as soon as what was
/// received satisfies it. An <see cref="HttpListener"/>, not Kestrel: the bot's ASP.NET Core instrumentation
/// listens to every ASP.NET Core host in the process, and would trace each export it receives, and export that again.
/// </summary>
internal sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly Task _serving;
    private readonly Lock _gate = new();
    private readonly List<ExportedSpan> _spans = [];
    private readonly List<ExportedPoint> _points = [];
    private readonly List<string> _services = [];
    private readonly List<Action> _waiters = [];

    private OtlpReceiver(HttpListener listener, Uri endpoint)
    {
        _listener = listener;
        Endpoint = endpoint;
        _serving = ServeAsync();
    }

    public Uri Endpoint { get; }

    public static OtlpReceiver Start()
    {
        var endpoint = new Uri($"http://127.0.0.1:{BotProcess.FreePort()}/");
        var listener = new HttpListener();
        listener.Prefixes.Add(endpoint.AbsoluteUri);
        listener.Start();
        return new OtlpReceiver(listener, endpoint);
    }

    /// <summary>
    /// Completes with what <paramref name="probe"/> finds in everything received so far, as soon as it finds
    /// something: now, or when an export brings it.
    /// </summary>
    public Task<T> WhenAsync<T>(Func<IReadOnlyList<ExportedSpan>, IReadOnlyList<ExportedPoint>, T?> probe)
        where T : class
    {
        var found = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check()
        {
            if (probe(_spans, _points) is { } result)
            {
                found.TrySetResult(result);
            }
        }

        lock (_gate)
        {
            _waiters.Add(Check);
            Check();
        }

        return found.Task;
    }

    public IReadOnlyList<string> ServiceNames
    {
        get
        {
            lock (_gate)
            {
                return [.. _services];
            }
        }
    }

    /// <summary>What was received, for a failure's message.</summary>
    public string Describe()
    {
        lock (_gate)
        {
            return $"{_spans.Count} spans:\n" +
                string.Join("\n", _spans.Take(200).Select(s => $"  {s.Scope} {s.Kind} '{s.Name}' trace {s.TraceId} span {s.SpanId} parent {s.ParentSpanId} " +
                    string.Join(" ", s.Attributes.Select(a => $"{a.Key}={a.Value}")))) +
                $"\n{_points.Count} counter points:\n" +
                string.Join("\n", _points.Take(200).Select(p => $"  {p.Scope} {p.Metric} {p.Value} " + string.Join(" ", p.Attributes.Select(a => $"{a.Key}={a.Value}"))));
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var response = context.Response;
            response.StatusCode = await ReceiveAsync(context.Request);
            // An empty Export*ServiceResponse: everything accepted.
            response.ContentType = "application/x-protobuf";
            response.ContentLength64 = 0;
        }
    }

    private static void KeepNothing(ProtoMessage export)
    {
    }

    private void KeepPoints(ProtoMessage export) => _points.AddRange(Otlp.NumberPoints(export));

    private void KeepSpans(ProtoMessage export)
    {
        _spans.AddRange(Otlp.Spans(export));
        _services.AddRange(Otlp.ServiceNames(export));
    }

    private async Task<int> ReceiveAsync(HttpListenerRequest request)
    {
        Action<ProtoMessage>? keep = (request.HttpMethod, request.Url?.AbsolutePath) switch
        {
            ("POST", "/v1/traces") => KeepSpans,
            ("POST", "/v1/metrics") => KeepPoints,
            // Logs are exported too; these tests read none of them.
            ("POST", "/v1/logs") => KeepNothing,
            _ => null,
        };
        if (keep is null)
        {
            return (int)HttpStatusCode.NotFound;
        }

        if (request.ContentType?.StartsWith("application/x-protobuf", StringComparison.Ordinal) != true)
        {
            return (int)HttpStatusCode.UnsupportedMediaType;
        }

        var body = request.Headers["Content-Encoding"] == "gzip" ? new GZipStream(request.InputStream, CompressionMode.Decompress) : request.InputStream;
        using var bytes = new MemoryStream();
        await body.CopyToAsync(bytes);
        var export = ProtoMessage.Parse(bytes.ToArray());
        lock (_gate)
        {
            keep(export);
            foreach (var waiter in _waiters)
            {
                waiter();
            }
        }

        return (int)HttpStatusCode.OK;
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _serving;
    }
}
