using System.Text;
using System.Text.Json.Nodes;
using FeedbackBot.Core.Conversations;
using FeedbackBot.Data;
using FeedbackBot.Testing;
using FeedbackBot.Testing.Teams;
using FeedbackBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FeedbackBot.Tests.Adapters.Teams;

/// <summary>The real host with Teams configured against fakes of the Bot Framework identity, token endpoint and Connector.</summary>
internal sealed class TeamsRig : IAsyncDisposable
{
    public const string TenantId = "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0";

    private readonly Microsoft.AspNetCore.Builder.WebApplication _app;
    private readonly HttpClient _client;

    private TeamsRig(TestDatabase database, FakeBotFrameworkIdentity identity, FakeTokenEndpoint tokenEndpoint, FakeConnector connector, TestKey key, Dictionary<string, string?> settings, Microsoft.AspNetCore.Builder.WebApplication app)
    {
        Database = database;
        Identity = identity;
        TokenEndpoint = tokenEndpoint;
        Connector = connector;
        Key = key;
        Settings = settings;
        _app = app;
        _client = new HttpClient { BaseAddress = TestHost.Address(app) };
    }

    public TestDatabase Database { get; }

    /// <summary>Where the bot listens.</summary>
    public Uri Address => _client.BaseAddress!;

    public FakeBotFrameworkIdentity Identity { get; }

    public FakeTokenEndpoint TokenEndpoint { get; }

    public FakeConnector Connector { get; }

    public TestKey Key { get; }

    public Dictionary<string, string?> Settings { get; }

    // hostOnly: settings for the bot's host alone, not for the command lines a test runs beside it (telemetry, say).
    public static async Task<TeamsRig> StartAsync(Action<IServiceCollection>? services = null, IReadOnlyDictionary<string, string?>? hostOnly = null, DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var identity = await FakeBotFrameworkIdentity.StartAsync();
        var tokenEndpoint = await FakeTokenEndpoint.StartAsync();
        var connector = await FakeConnector.StartAsync();
        var key = identity.Publish(identity.CreateKey("key-1", "msteams"));
        var settings = TeamsSettings.For(database, identity, tokenEndpoint);
        var app = await TestHost.StartAsync(hostOnly is null ? settings : new Dictionary<string, string?>(settings.Concat(hostOnly)), services: services);
        return new TeamsRig(database, identity, tokenEndpoint, connector, key, settings, app);
    }

    public string Token() => "Bearer " + FakeBotFrameworkIdentity.Sign(Key, FakeBotFrameworkIdentity.Claims(DateTimeOffset.UtcNow, Connector.ServiceUrl));

    public JsonObject Message(string id, string text) => Activity("message", id, new JsonObject { ["text"] = text });

    /// <summary>
    /// The value of a pulse card's submit (an <c>Action.Execute</c>): the card's own hidden fields from
    /// <paramref name="cardData"/>, then the answers given.
    /// </summary>
    public static JsonObject PulseSubmission(JsonNode cardData, params (string Question, string Answer)[] answers)
    {
        var data = new JsonObject
        {
            [Verbs.PlanField] = (string?)cardData[Verbs.PlanField],
            [Verbs.CycleField] = (string?)cardData[Verbs.CycleField],
            [Verbs.CardField] = (string?)cardData[Verbs.CardField],
        };
        foreach (var (question, answer) in answers)
        {
            data[question] = answer;
        }

        return new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = Verbs.SubmitSurvey, ["data"] = data },
            ["trigger"] = "manual",
        };
    }

    public JsonObject Invoke(string id, JsonObject value) =>
        Activity("invoke", id, new JsonObject { ["name"] = "adaptiveCard/action", ["value"] = value.DeepClone() });

    public async Task<HttpResponseMessage> PostAsync(JsonObject activity, string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return await _client.SendAsync(request);
    }

    public async Task<int> CountTenantsAsync()
    {
        await using var db = Database.CreateContext();
        return await db.Tenants.CountAsync();
    }

    /// <summary>The first person to speak is the tenant's admin; they apply the staff pulse and start it, and get its card.</summary>
    public async Task<JsonNode> StartStaffPulseAsync()
    {
        await PostAsync(Message("pulse-hello", "help"), Token());
        var plans = await CliRun.RunAsync(Settings, ["plans", "apply", "--tenant", "teams:" + TenantId, .. Directory.GetFiles(RepositoryPaths.ExamplePlans, "staff-pulse.yaml")]);
        Assert.Equal(0, plans.ExitCode);
        await PostAsync(Message("pulse-start", "start pulse staff-pulse"), Token());
        // The invitation goes out through the outbox, a moment after the reply: wait for the card itself.
        var sent = await Eventually.ThatAsync(
            () => Task.FromResult(Connector.Requests.SingleOrDefault(r => r.Method == "POST" && r.RawTarget == "/emea/v3/conversations/a%3Aconv-1/activities" && r.Body.Contains("\"_cycle\"", StringComparison.Ordinal))),
            r => r is not null,
            "the pulse card",
            TimeSpan.FromSeconds(30));

        return JsonNode.Parse(sent!.Body)!["attachments"]![0]!["content"]!;
    }

    public async Task<int> CountResponsesAsync()
    {
        await using var db = Database.CreateContext();
        return await db.Responses.CountAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
        await Connector.DisposeAsync();
        await TokenEndpoint.DisposeAsync();
        await Identity.DisposeAsync();
        await Database.DisposeAsync();
    }

    public JsonObject Activity(string type, string id, JsonObject extra)
    {
        var activity = new JsonObject
        {
            ["type"] = type,
            ["id"] = id,
            ["serviceUrl"] = Connector.ServiceUrl,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = "29:user-1", ["name"] = "Ana Staff" },
            ["recipient"] = new JsonObject { ["id"] = "28:" + FakeBotFrameworkIdentity.AppId, ["name"] = "FeedbackBot" },
            ["conversation"] = new JsonObject { ["id"] = "a:conv-1", ["conversationType"] = "personal", ["tenantId"] = TenantId },
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
        };
        foreach (var (name, value) in extra)
        {
            activity[name] = value?.DeepClone();
        }

        return activity;
    }
}
