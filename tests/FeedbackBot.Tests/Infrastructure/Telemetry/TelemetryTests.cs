using System.Net;
using FeedbackBot.Data;
using FeedbackBot.Infrastructure.Telemetry;
using FeedbackBot.Testing;
using FeedbackBot.Tests.Adapters.Slack;
using FeedbackBot.Tests.Adapters.Teams;
using FeedbackBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace FeedbackBot.Tests.Infrastructure.Telemetry;

/// <summary>
/// With <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> set, the real host exports a Teams turn's trace and the bot's counters to a
/// collector on loopback over OTLP/HTTP in protobuf; without it, no telemetry is set up at all.
/// </summary>
public sealed class TelemetryTests
{
    [Fact]
    public async Task TeamsTurn_CollectorConfigured_RequestAndTurnAndReplyInOneTraceAndAnswerCountedAndOutboxDepthReported()
    {
        await using var receiver = OtlpReceiver.Start();
        await using var rig = await TeamsRig.StartAsync(hostOnly: Collector(receiver));
        var port = TestHostPort(rig);

        var response = await rig.PostAsync(rig.Message("m1", "<at>FeedbackBot</at> help"), rig.Token());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // Other tests' hosts run in this process too: the request is recognised by this host's port.
        var trace = await receiver.WhenAsync((spans, _) =>
        {
            var request = spans.FirstOrDefault(s => s.Kind == SpanKind.Server && s.Attributes.GetValueOrDefault("url.path") == "/api/messages" && s.Attributes.GetValueOrDefault("server.port") == port);
            var turn = request is null ? null : spans.FirstOrDefault(s => s.Scope == BotTelemetry.Name && s.Name == "turn" && s.ParentSpanId == request.SpanId);
            var reply = turn is null ? null : spans.FirstOrDefault(s => s.Kind == SpanKind.Client && s.TraceId == request!.TraceId && s.Attributes.GetValueOrDefault("url.full", "").Contains("/v3/conversations/", StringComparison.Ordinal));
            return reply is null ? null : new { Request = request!, Turn = turn!, Reply = reply };
        }).WithinGuardAsync(receiver);

        Assert.Equal(trace.Request.TraceId, trace.Turn.TraceId);
        Assert.Equal("teams", trace.Turn.Attributes["feedbackbot.channel"]);
        Assert.Equal("POST", trace.Reply.Attributes["http.request.method"]);
        Assert.Contains("feedbackbot-telemetry-test", receiver.ServiceNames);

        await SubmitPulseCardAsync(rig);
        var answers = await receiver.WhenAsync((_, points) =>
            points.LastOrDefault(p => p.Metric == "feedbackbot.answers.stored" && p.Attributes.GetValueOrDefault("channel") == "teams" && p.Value >= 1)).WithinGuardAsync(receiver);
        Assert.Equal(BotTelemetry.Name, answers.Scope);
        Assert.Equal(1, await rig.CountResponsesAsync());

        // Read from this host's database at start-up and every 30 s after; how many wait depends on that moment.
        var depth = await receiver.WhenAsync((_, points) => points.LastOrDefault(p => p.Metric == "feedbackbot.outbox.depth")).WithinGuardAsync(receiver);
        Assert.Equal(BotTelemetry.Name, depth.Scope);
        Assert.InRange(depth.Value, 0, 1);
    }

    [Fact]
    public async Task SlackEvent_CollectorConfigured_AcknowledgementWorkTurnAndReplyInOneTrace()
    {
        await using var receiver = OtlpReceiver.Start();
        await using var rig = await SlackRig.StartAsync(configure: (settings, _) =>
        {
            foreach (var (key, value) in Collector(receiver))
            {
                settings[key] = value;
            }
        });
        var port = rig.Client.BaseAddress!.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var response = await rig.EventAsync(SlackRig.AppMention("EvTrace1", SlackRig.AdminId, "help"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // The work is done after the acknowledgement, yet carries on the request's trace down to the reply.
        var trace = await receiver.WhenAsync((spans, _) =>
        {
            var request = spans.FirstOrDefault(s => s.Kind == SpanKind.Server && s.Attributes.GetValueOrDefault("url.path") == "/slack/events" && s.Attributes.GetValueOrDefault("server.port") == port);
            var work = request is null ? null : spans.FirstOrDefault(s => s.Scope == BotTelemetry.Name && s.Name == "slack.work" && s.ParentSpanId == request.SpanId);
            var turn = work is null ? null : spans.FirstOrDefault(s => s.Scope == BotTelemetry.Name && s.Name == "turn" && s.ParentSpanId == work.SpanId);
            var reply = turn is null ? null : spans.FirstOrDefault(s => s.Kind == SpanKind.Client && s.TraceId == request!.TraceId && s.Attributes.GetValueOrDefault("url.full", "").Contains("chat.postMessage", StringComparison.Ordinal));
            return reply is null ? null : new { Request = request!, Work = work!, Turn = turn! };
        }).WithinGuardAsync(receiver);

        Assert.Equal((trace.Request.TraceId, trace.Request.TraceId), (trace.Work.TraceId, trace.Turn.TraceId));
        Assert.Equal("event", trace.Work.Attributes["feedbackbot.slack.work"]);
        Assert.Equal("slack", trace.Turn.Attributes["feedbackbot.channel"]);
    }

    [Fact]
    public async Task Serve_NoCollectorConfigured_NoTracerMeterOrOutboxGauges()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = await TestHost.StartAsync(CliRun.Settings(database));

        Assert.Null(app.Services.GetService<TracerProvider>());
        Assert.Null(app.Services.GetService<MeterProvider>());
        Assert.DoesNotContain(app.Services.GetServices<IHostedService>(), s => s is OutboxGauges);
    }

    private static Dictionary<string, string?> Collector(OtlpReceiver receiver) => new()
    {
        [TelemetryServiceCollectionExtensions.EndpointKey] = receiver.Endpoint.AbsoluteUri.TrimEnd('/'),
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        [TelemetryServiceCollectionExtensions.ServiceNameKey] = "feedbackbot-telemetry-test",
        // Export within a fraction of a second, so the test's waits end quickly.
        ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
        ["OTEL_METRIC_EXPORT_INTERVAL"] = "200",
    };

    private static string TestHostPort(TeamsRig rig) => rig.Address.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static async Task SubmitPulseCardAsync(TeamsRig rig)
    {
        var data = (await rig.StartStaffPulseAsync())["actions"]![0]!["data"]!;
        var value = TeamsRig.PulseSubmission(data, ("responsiveness", "4"), ("reliability", "4"), ("empathy", "5"), ("resolution", "3"), ("communication", "4"), ("enps", "9"), ("comment", "More time for complex calls."));
        var response = await rig.PostAsync(rig.Invoke("inv-1", value), rig.Token());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

internal static class ReceiverWaits
{
    // Only a failure waits this long: each wait ends as soon as the receiver has what it looks for.
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);

    public static async Task<T> WithinGuardAsync<T>(this Task<T> found, OtlpReceiver receiver)
    {
        try
        {
            return await found.WaitAsync(Guard);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"Not received within {Guard.TotalSeconds} s. Received:\n{receiver.Describe()}");
            throw;
        }
    }
}
