using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using FeedbackBot.Core.Conversations;
using FeedbackBot.Data;
using FeedbackBot.Testing;
using FeedbackBot.Testing.Teams;
using FeedbackBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Tests.Teams;

/// <summary>POST /api/messages end to end: real host, fakes of the Bot Framework identity, token endpoint and Connector.</summary>
public sealed class TeamsMessagesTests
{
    private const string TenantId = "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0";

    [Fact]
    public async Task Message_SignedHelp_ReplyArrivesAtTheConnectorWithTheBearerToken()
    {
        await using var rig = await Rig.StartAsync();

        var response = await rig.PostAsync(rig.Message("m1", "<at>FeedbackBot</at> help"), rig.Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(rig.Connector.Requests);
        Assert.Equal("POST", reply.Method);
        Assert.Equal("/emea/v3/conversations/a%3Aconv-1/activities/m1", reply.RawTarget);
        Assert.Equal("Bearer token-1", reply.Header("Authorization"));
        Assert.Contains("application/vnd.microsoft.card.adaptive", reply.Body, StringComparison.Ordinal);
        Assert.Single(rig.TokenEndpoint.Requests);
    }

    [Fact]
    public async Task Message_ForgedOrMissingToken_Is401AndStoresNothing()
    {
        await using var rig = await Rig.StartAsync();
        var stranger = rig.Identity.CreateKey("stranger", "msteams");
        var unendorsed = rig.Identity.Publish(rig.Identity.CreateKey("unendorsed", "webchat"));
        var claims = FakeBotFrameworkIdentity.Claims(DateTimeOffset.UtcNow, rig.Connector.ServiceUrl);
        var expired = FakeBotFrameworkIdentity.Claims(DateTimeOffset.UtcNow.AddHours(-3), rig.Connector.ServiceUrl);
        var otherService = FakeBotFrameworkIdentity.Claims(DateTimeOffset.UtcNow, "https://evil.example/");
        var good = rig.Token();

        string?[] tokens =
        [
            null,
            "Bearer",
            "Basic dXNlcjpwYXNz",
            "Bearer " + FakeBotFrameworkIdentity.Sign(stranger, claims),
            "Bearer " + FakeBotFrameworkIdentity.Sign(unendorsed, claims),
            "Bearer " + FakeBotFrameworkIdentity.Sign(rig.Key, expired),
            "Bearer " + FakeBotFrameworkIdentity.Sign(rig.Key, otherService),
            good[..^4] + (good[^4] == 'A' ? "BBBB" : "AAAA"),
        ];
        foreach (var token in tokens)
        {
            var response = await rig.PostAsync(rig.Message("m1", "help"), token);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{token}: {response.StatusCode}");
        }

        Assert.Empty(rig.Connector.Requests);
        Assert.Equal(0, await rig.CountTenantsAsync());
    }

    [Fact]
    public async Task Invoke_PulseCardSubmittedThreeTimes_StoresOneAnswerAndReturnsTheSameThanks()
    {
        await using var rig = await Rig.StartAsync();
        await rig.PostAsync(rig.Message("m1", "help"), rig.Token());
        var plans = await CliRun.RunAsync(rig.Settings, ["plans", "apply", "--tenant", "teams:" + TenantId, .. Directory.GetFiles(RepositoryPaths.ExamplePlans, "staff-pulse.yaml")]);
        Assert.Equal(0, plans.ExitCode);
        // The first person in the tenant is its admin, so may start a pulse; it goes to their own conversation.
        await rig.PostAsync(rig.Message("m2", "start pulse staff-pulse"), rig.Token());
        var sent = rig.Connector.Requests.Single(r => r.RawTarget == "/emea/v3/conversations/a%3Aconv-1/activities");
        var data = JsonNode.Parse(sent.Body)!["attachments"]![0]!["content"]!["actions"]![0]!["data"]!;
        var value = new JsonObject
        {
            ["action"] = new JsonObject
            {
                ["type"] = "Action.Execute",
                ["verb"] = Verbs.SubmitSurvey,
                ["data"] = new JsonObject
                {
                    [Verbs.PlanField] = (string?)data[Verbs.PlanField],
                    [Verbs.CycleField] = (string?)data[Verbs.CycleField],
                    [Verbs.CardField] = (string?)data[Verbs.CardField],
                    ["responsiveness"] = "4",
                    ["reliability"] = "4",
                    ["empathy"] = "5",
                    ["resolution"] = "3",
                    ["communication"] = "4",
                    ["enps"] = "9",
                    ["comment"] = "More time for complex calls.",
                },
            },
            ["trigger"] = "manual",
        };

        var bodies = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var response = await rig.PostAsync(rig.Invoke("inv-1", value), rig.Token());
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            bodies.Add(await response.Content.ReadAsStringAsync());
        }

        Assert.All(bodies, b => Assert.Equal(bodies[0], b));
        Assert.Contains("application/vnd.microsoft.card.adaptive", bodies[0], StringComparison.Ordinal);
        Assert.Contains("More time for complex calls.", bodies[0], StringComparison.Ordinal);
        Assert.Equal(1, await rig.CountResponsesAsync());
    }

    private sealed class Rig : IAsyncDisposable
    {
        private readonly Microsoft.AspNetCore.Builder.WebApplication _app;
        private readonly HttpClient _client;

        private Rig(TestDatabase database, FakeBotFrameworkIdentity identity, FakeTokenEndpoint tokenEndpoint, FakeConnector connector, TestKey key, Dictionary<string, string?> settings, Microsoft.AspNetCore.Builder.WebApplication app)
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

        public FakeBotFrameworkIdentity Identity { get; }

        public FakeTokenEndpoint TokenEndpoint { get; }

        public FakeConnector Connector { get; }

        public TestKey Key { get; }

        public Dictionary<string, string?> Settings { get; }

        public static async Task<Rig> StartAsync()
        {
            var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
            var identity = await FakeBotFrameworkIdentity.StartAsync();
            var tokenEndpoint = await FakeTokenEndpoint.StartAsync();
            var connector = await FakeConnector.StartAsync();
            var key = identity.Publish(identity.CreateKey("key-1", "msteams"));
            var settings = CliRun.Settings(database);
            settings["Teams:AppId"] = FakeBotFrameworkIdentity.AppId;
            settings["Teams:AppPassword"] = "test-password";
            settings["Teams:OpenIdMetadataUrl"] = identity.MetadataUrl.AbsoluteUri;
            settings["Teams:TokenEndpoint"] = tokenEndpoint.Template;
            settings["Playground:Enabled"] = "false";
            var app = await TestHost.StartAsync(settings);
            return new Rig(database, identity, tokenEndpoint, connector, key, settings, app);
        }

        public string Token() => "Bearer " + FakeBotFrameworkIdentity.Sign(Key, FakeBotFrameworkIdentity.Claims(DateTimeOffset.UtcNow, Connector.ServiceUrl));

        public JsonObject Message(string id, string text) => Activity("message", id, new JsonObject { ["text"] = text });

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

        private JsonObject Activity(string type, string id, JsonObject extra)
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
}
