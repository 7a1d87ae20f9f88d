using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using FeedbackBot.Adapters.Slack;
using FeedbackBot.Data;
using FeedbackBot.Testing;
using FeedbackBot.Testing.Slack;
using FeedbackBot.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FeedbackBot.Tests.Adapters.Slack;

/// <summary>The real host with Slack configured against a fake Slack Web API on loopback, and helpers that sign like Slack.</summary>
internal sealed class SlackRig : IAsyncDisposable
{
    public const string SigningSecret = "8f742231b10e8888abcd99yyyzzz85a5";
    public const string BotToken = "xoxb-1111-2222-single-workspace";
    public const string TeamId = "T0TEAM0001";
    public const string AdminId = "U0ADMIN001";
    public const string StaffId = "U0STAFF001";

    private readonly WebApplication _app;

    private SlackRig(TestDatabase database, FakeSlackWebApi slack, Dictionary<string, string?> settings, WebApplication app)
    {
        Database = database;
        Slack = slack;
        Settings = settings;
        _app = app;
        Client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = TestHost.Address(app) };
    }

    public TestDatabase Database { get; }

    public FakeSlackWebApi Slack { get; }

    public Dictionary<string, string?> Settings { get; }

    public HttpClient Client { get; }

    public static async Task<SlackRig> StartAsync(Action<Dictionary<string, string?>, FakeSlackWebApi>? configure = null, Action<IServiceCollection>? services = null)
    {
        var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var slack = await FakeSlackWebApi.StartAsync();
        slack.AddUser(new FakeSlackUser(AdminId, "ada", "Ada Admin", TeamId));
        slack.AddUser(new FakeSlackUser(StaffId, "sam", "Sam Staff", TeamId));
        var settings = CliRun.Settings(database);
        settings["Playground:Enabled"] = "false";
        settings["Slack:SigningSecret"] = SigningSecret;
        settings["Slack:BotToken"] = BotToken;
        settings["Slack:ApiBaseUrl"] = slack.ApiBaseUrl;
        configure?.Invoke(settings, slack);
        var app = await TestHost.StartAsync(settings, services: services);
        return new SlackRig(database, slack, settings, app);
    }

    public Task<HttpResponseMessage> PostSignedAsync(string path, string body, string contentType, DateTimeOffset? at = null, string? secret = null, Action<HttpRequestHeaders>? headers = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        SlackSigner.Sign(secret ?? SigningSecret, body, at ?? DateTimeOffset.UtcNow).ApplyTo(request.Headers);
        headers?.Invoke(request.Headers);
        return Client.SendAsync(request);
    }

    public Task<HttpResponseMessage> EventAsync(JsonObject envelope, Action<HttpRequestHeaders>? headers = null) =>
        PostSignedAsync("/slack/events", envelope.ToJsonString(), "application/json", headers: headers);

    public Task<HttpResponseMessage> CommandAsync(string userId, string text, string? triggerId = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["token"] = "deprecated-verification-token",
            ["team_id"] = TeamId,
            ["team_domain"] = "example",
            ["channel_id"] = "C0GENERAL1",
            ["channel_name"] = "general",
            ["user_id"] = userId,
            ["user_name"] = userId == AdminId ? "ada" : "sam",
            ["command"] = "/feedback",
            ["text"] = text,
            ["api_app_id"] = FakeSlackWebApi.AppId,
            ["response_url"] = Slack.ResponseUrl("cmd-" + (triggerId ?? Guid.NewGuid().ToString("N"))),
            ["trigger_id"] = triggerId ?? Guid.NewGuid().ToString("N"),
        };
        return PostSignedAsync("/slack/commands", Form(fields), "application/x-www-form-urlencoded");
    }

    public Task<HttpResponseMessage> InteractionAsync(JsonObject payload) =>
        PostSignedAsync("/slack/interactions", Form(new Dictionary<string, string> { ["payload"] = payload.ToJsonString() }), "application/x-www-form-urlencoded");

    public static JsonObject AppMention(string eventId, string userId, string text) => new()
    {
        ["token"] = "deprecated",
        ["team_id"] = TeamId,
        ["api_app_id"] = FakeSlackWebApi.AppId,
        ["type"] = "event_callback",
        ["event_id"] = eventId,
        ["event_time"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["event"] = new JsonObject
        {
            ["type"] = "app_mention",
            ["user"] = userId,
            ["text"] = text,
            ["ts"] = "1732540000.000100",
            ["channel"] = "C0GENERAL1",
            ["event_ts"] = "1732540000.000100",
        },
    };

    public static string Form(IReadOnlyDictionary<string, string> fields) =>
        string.Join('&', fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));

    /// <summary>Waits (at most 15 s) until the fake Slack has seen a call to <paramref name="method"/> that matches.</summary>
    public async Task<SlackApiCall> WaitForCallAsync(string method, Func<SlackApiCall, bool>? match = null, int count = 1)
    {
        var calls = await Eventually.ThatAsync(
            () => Task.FromResult(Slack.CallsTo(method).Where(c => match?.Invoke(c) ?? true).ToList()),
            c => c.Count >= count,
            $"{count} {method} call(s)",
            TimeSpan.FromSeconds(15));
        return calls[count - 1];
    }

    /// <summary>
    /// Waits (at most 15 s) until every Slack inbox entry is in its final state: processed, or given up after the
    /// worker's last attempt. Every request the bot acknowledges is either answered inside the request or written to
    /// the inbox before the acknowledgement, and an entry is marked processed only after its replies were sent; so
    /// once all have settled, nothing acknowledged so far can still call Slack or change the database. Returns how
    /// many entries there are, so a test can also show that redeliveries made none of their own.
    /// </summary>
    public async Task<int> WaitUntilInboxSettledAsync()
    {
        var entries = await Eventually.ThatAsync(
            async () =>
            {
                await using var db = Database.CreateContext();
                return await db.Inbox.AsNoTracking()
                    .Where(e => e.Channel == SlackWorkQueue.Channel)
                    .Select(e => new { e.ProcessedAt, e.ClaimedUntil, e.Attempts })
                    .ToListAsync();
            },
            all => all.All(e => e.ProcessedAt is not null || (e.ClaimedUntil is null && e.Attempts >= SlackWorker.MaxAttempts)),
            "every Slack inbox entry processed or given up",
            TimeSpan.FromSeconds(15));
        return entries.Count;
    }

    public async Task<int> CountAsync<T>(Func<FeedbackDbContext, IQueryable<T>> query)
    {
        await using var db = Database.CreateContext();
        return await query(db).CountAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
        await Slack.DisposeAsync();
        await Database.DisposeAsync();
    }
}
