using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using FeedbackBot.Data;
using FeedbackBot.Features.HelpdeskTriggers;
using FeedbackBot.Testing;
using FeedbackBot.Testing.Plans;
using FeedbackBot.Tests.Support;
using Microsoft.AspNetCore.Builder;

namespace FeedbackBot.Tests.Features.HelpdeskTriggers;

/// <summary>The bot with a customer plan that takes helpdesk triggers, and a helpdesk that signs what it sends.</summary>
internal sealed class HelpdeskHost : IAsyncDisposable
{
    public const string Secret = "helpdesk-secret-for-tests-0123456789";

    private HelpdeskHost(TestDatabase database, WebApplication app)
    {
        Database = database;
        App = app;
        Client = new HttpClient { BaseAddress = TestHost.Address(app) };
    }

    public TestDatabase Database { get; }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public static string Plan(string methods = "- web_link: {delay: 2h}", int minDays = 0, string id = "after-contact", string reminders = "count: 0") => $"""
        id: {id}
        name: After your contact
        audiences: [customer]
        features: [resolution]
        methods:
          {methods}
        cycle_days: 7
        min_days_between_invitations: {minDays}
        reminders:
          {reminders}
        sample:
          method: stratified
          by: region
          size: 10
        questions:
          - id: satisfaction
            text: How satisfied were you with how we handled your request?
            type: rating5
            required: true
        """;

    public static async Task<HelpdeskHost> StartAsync(DatabaseProvider provider, string? planYaml = null, string? secret = Secret)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var settings = CliRun.Settings(database);
        settings["Webhooks:Secret"] = secret;
        await (await database.CreateMigratedContextAsync()).DisposeAsync();
        if (planYaml is not null)
        {
            using var file = await PlanFiles.WriteAsync(planYaml);
            var applied = await CliRun.RunAsync(settings, "plans", "apply", file.Path);
            Assert.True(applied.ExitCode == 0, applied.Error);
        }

        return new HelpdeskHost(database, await TestHost.StartAsync(settings));
    }

    public static string Body(string interaction = "T-1001", string customer = "C-77", string? email = "ana@example.com", DateTime? closedAt = null, string extra = "") =>
        $$"""
        {"interaction_id": "{{interaction}}", "customer": {"id": "{{customer}}"{{(email is null ? "" : $", \"email\": \"{email}\"")}}},
         "agent": "Sam", "channel": "phone", "closed_at": "{{(closedAt ?? DateTime.UtcNow).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}}"{{extra}}}
        """;

    /// <summary>Posts a body as a helpdesk does: signed with <paramref name="secret"/> at <paramref name="at"/> (now by default).</summary>
    public Task<HttpResponseMessage> PostAsync(string body, string? secret = Secret, DateTimeOffset? at = null, Action<HttpRequestMessage>? tamper = null)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var timestamp = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, ReportInteractionEndpoint.Path) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (secret is not null)
        {
            request.Headers.Add(WebhookSignature.TimestampHeader, timestamp);
            request.Headers.Add(WebhookSignature.SignatureHeader, "v1=" + Convert.ToHexStringLower(WebhookSignature.Compute(secret, timestamp, bytes)));
        }

        tamper?.Invoke(request);
        return Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        await Database.DisposeAsync();
    }
}
