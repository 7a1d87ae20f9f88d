using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using FeedbackBot.Core.Conversations;
using FeedbackBot.Data.Outage;
using FeedbackBot.Testing;
using FeedbackBot.Testing.Teams;
using FeedbackBot.Tests.Infrastructure.Outbox;
using FeedbackBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace FeedbackBot.Tests.Faults;

/// <summary>
/// PostgreSQL restarted under the bot while staff answer a pulse in Teams: the bot says it is not ready while the
/// database is away, recovers by itself when it is back, loses no answer it acknowledged, and tells the operator
/// once that the database went and once that it came back, with one line for each request that failed meanwhile.
/// </summary>
[Collection(FaultTests.Name)]
public sealed class DatabaseRestartTests
{
    private const string TenantId = "5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d";
    private const int People = 120;

    private int _failedProbes;

    [Fact]
    public async Task Answers_PostgresRestartedWhileTheyArrive_NoAcknowledgedAnswerLostReadinessFollowsAndTheLogStaysShort()
    {
        await using var cluster = await PostgresCluster.StartPrivateAsync();
        await using var database = await TestDatabase.CreateAsync(cluster);
        await using var identity = await FakeBotFrameworkIdentity.StartAsync();
        await using var tokens = await FakeTokenEndpoint.StartAsync();
        await using var connector = await FakeConnector.StartAsync();
        var key = identity.Publish(identity.CreateKey("key-1", "msteams"));
        var settings = TeamsSettings.For(database, identity, tokens);
        var logs = new LogCapture();
        await using var app = await TestHost.StartAsync(settings, services: logs.AddTo);
        using var client = new HttpClient { BaseAddress = TestHost.Address(app) };
        string Token() => "Bearer " + FakeBotFrameworkIdentity.Sign(key, FakeBotFrameworkIdentity.Claims(DateTimeOffset.UtcNow, connector.ServiceUrl));

        var admin = Activity("message", "hello", "29:admin", "a:admin", connector.ServiceUrl);
        admin["text"] = "help";
        (await PostAsync(client, admin, Token())).EnsureSuccessStatusCode();
        await OutboxSeed.ApplyStaffPulseAsync(settings, "teams:" + TenantId);
        var cycle = await OutboxSeed.OpenCycleAsync(database, TenantId);
        await OutboxSeed.InviteAsync(database, cycle, People, connector.ServiceUrl);

        var acknowledged = new ConcurrentDictionary<int, bool>();
        var failures = 0;
        var stopAt = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var failedWhileAway = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var next = 0;
        async Task AnswerAsync()
        {
            for (var i = Interlocked.Increment(ref next); i <= People; i = Interlocked.Increment(ref next))
            {
                // Like a person pressing Submit again after an error: the same card until it is acknowledged.
                for (var attempt = 1; !acknowledged.ContainsKey(i); attempt++)
                {
                    Assert.True(attempt <= 400, $"person {i} was never acknowledged");
                    using var response = await PostAsync(client, Answer(i, cycle.Id, connector.ServiceUrl), Token());
                    var body = await response.Content.ReadAsStringAsync();
                    if (response.StatusCode == HttpStatusCode.OK && body.Contains("application/vnd.microsoft.card.adaptive", StringComparison.Ordinal))
                    {
                        acknowledged[i] = true;
                        if (acknowledged.Count == 30)
                        {
                            stopAt.TrySetResult();
                        }
                    }
                    else
                    {
                        if (Interlocked.Increment(ref failures) >= 5)
                        {
                            failedWhileAway.TrySetResult();
                        }

                        await Task.Delay(50);
                    }
                }
            }
        }

        var answering = Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(AnswerAsync)));
        await stopAt.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var beforeStop = logs.Mark;
        await cluster.StopAsync();
        await Eventually.ThatAsync(() => ReadyAsync(client), s => s == HttpStatusCode.ServiceUnavailable, "/readyz to say not ready", TimeSpan.FromSeconds(30));
        await failedWhileAway.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await cluster.StartAsync();
        await Eventually.ThatAsync(() => ReadyAsync(client), s => s == HttpStatusCode.OK, "/readyz to say ready again", TimeSpan.FromSeconds(60));
        await answering.WaitAsync(TimeSpan.FromSeconds(120));

        Assert.Equal(People, acknowledged.Count);
        await using (var db = database.CreateContext())
        {
            Assert.Equal(People, await db.Responses.CountAsync(r => r.CycleId == cycle.Id));
        }

        var logged = logs.Since(beforeStop, LogLevel.Warning);
        var failedRequests = Volatile.Read(ref failures) + Volatile.Read(ref _failedProbes);
        var report = string.Join("\n", logged);
        Assert.True(Volatile.Read(ref failures) >= 5, report);
        Assert.True(logged.All(e => e.Exception is null), "a stack trace was logged:\n" + string.Join('\n', logged.Where(e => e.Exception is not null).Select(e => $"{e}\n{e.Exception}")));
        var outage = logs.Since(beforeStop, LogLevel.Information).Where(e => e.Category == typeof(DatabaseOutage).FullName).ToList();
        Assert.Collection(
            outage,
            away => Assert.StartsWith("The database cannot be reached", away.Message, StringComparison.Ordinal),
            back => Assert.StartsWith("The database is reachable again", back.Message, StringComparison.Ordinal));
        Assert.True(logged.Count <= failedRequests + 1, $"{logged.Count} warnings for {failedRequests} failed requests:\n{report}");
    }

    // A readiness probe answered "not ready" is a failed request too, and may say so in the log.
    private async Task<HttpStatusCode> ReadyAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/readyz");
        if (response.StatusCode != HttpStatusCode.OK)
        {
            Interlocked.Increment(ref _failedProbes);
        }

        return response.StatusCode;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, JsonObject activity, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", token);
        return await client.SendAsync(request);
    }

    private static JsonObject Answer(int person, Guid cycleId, string serviceUrl)
    {
        var invoke = Activity("invoke", $"answer-{person}", $"29:person-{person}", $"a:person-{person}", serviceUrl);
        invoke["name"] = "adaptiveCard/action";
        invoke["value"] = new JsonObject
        {
            ["action"] = new JsonObject
            {
                ["type"] = "Action.Execute",
                ["verb"] = Verbs.SubmitSurvey,
                ["data"] = new JsonObject
                {
                    [Verbs.PlanField] = "staff-pulse",
                    [Verbs.CycleField] = cycleId.ToString("D"),
                    [Verbs.CardField] = $"card-{person}",
                    ["responsiveness"] = "4",
                    ["reliability"] = "3",
                    ["empathy"] = "5",
                    ["resolution"] = "2",
                    ["communication"] = "4",
                    ["enps"] = "8",
                },
            },
            ["trigger"] = "manual",
        };
        return invoke;
    }

    private static JsonObject Activity(string type, string id, string from, string conversation, string serviceUrl) => new()
    {
        ["type"] = type,
        ["id"] = id,
        ["serviceUrl"] = serviceUrl,
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = from, ["name"] = from },
        ["recipient"] = new JsonObject { ["id"] = "28:" + FakeBotFrameworkIdentity.AppId, ["name"] = "FeedbackBot" },
        ["conversation"] = new JsonObject { ["id"] = conversation, ["conversationType"] = "personal", ["tenantId"] = TenantId },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
    };
}
