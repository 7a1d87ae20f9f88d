using System.Net;
using System.Net.Http.Headers;
using System.Text;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Features.CustomerSurveys;
using FeedbackBot.Features.Cycles;
using FeedbackBot.Testing;
using FeedbackBot.Testing.Plans;
using FeedbackBot.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FeedbackBot.Tests.Features.CustomerSurveys;

/// <summary>
/// The real bot on loopback with a customer plan applied (the example customer-experience plan unless told), its clock
/// following real time until a test moves it, and survey links made as <c>links create</c> makes them.
/// </summary>
internal sealed class SurveyRig : IAsyncDisposable
{
    public const string PlanKey = "customer-experience";

    private SurveyRig(TestDatabase database, WebApplication app, ManualClock clock, Dictionary<string, string?> settings)
    {
        Database = database;
        App = app;
        Clock = clock;
        Settings = settings;
        // Redirects are part of what is tested: the client shows them rather than following them.
        Client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = TestHost.Address(app) };
    }

    public TestDatabase Database { get; }

    public WebApplication App { get; }

    public ManualClock Clock { get; }

    public HttpClient Client { get; }

    /// <summary>The settings the host runs with, for the command line to run against the same bot.</summary>
    public Dictionary<string, string?> Settings { get; }

    public static async Task<SurveyRig> StartAsync(DatabaseProvider provider, string? planYaml = null, bool jobs = false, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var settings = CliRun.Settings(database);
        settings["Jobs:Enabled"] = jobs ? "true" : "false";
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        if (planYaml is null)
        {
            var applied = await CliRun.RunAsync(settings, "plans", "apply", Path.Combine(RepositoryPaths.ExamplePlans, PlanKey + ".yaml"));
            Assert.True(applied.ExitCode == 0, applied.Error);
        }
        else
        {
            using var file = await PlanFiles.WriteAsync(planYaml);
            var applied = await CliRun.RunAsync(settings, "plans", "apply", file.Path);
            Assert.True(applied.ExitCode == 0, applied.Error);
        }

        var clock = ManualClock.FollowingRealTime();
        var app = await TestHost.StartAsync(settings, services: s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
        settings["Surveys:BaseUrl"] = TestHost.Address(app).AbsoluteUri;
        return new SurveyRig(database, app, clock, settings);
    }

    /// <summary>
    /// A link to a new customer invitation in the plan's open cycle (opened now when none is), with the interaction
    /// <paramref name="shape"/> gives it: the path and query of its address.
    /// </summary>
    public async Task<string> LinkAsync(Action<Invitation>? shape = null, string plan = PlanKey)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
        var planId = await db.Plans.Where(p => p.Key == plan).Select(p => p.Id).SingleAsync();
        var opened = await scope.ServiceProvider.GetRequiredService<CycleLifecycle>().OpenNowAsync(planId, CancellationToken.None);
        var cycle = await db.ReviewCycles.SingleAsync(c => c.Id == opened!.Value.Cycle.CycleId);
        var invitation = new Invitation { Id = Guid.NewGuid(), CycleId = cycle.Id, Via = HandOutLinks.Via, State = InvitationState.Sent, CreatedAt = cycle.StartsAt };
        shape?.Invoke(invitation);
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync();
        var link = await App.Services.GetRequiredService<SurveyLinks>().CreateAsync(cycle.Id, invitation.Id, cycle.EndsAt, CancellationToken.None);
        return link.PathAndQuery;
    }

    /// <summary>Posts answers as the page does, a form, as a browser would (asking for HTML).</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, params (string Name, string Value)[] fields)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))),
        };
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        return await Client.SendAsync(request);
    }

    /// <summary>Posts answers as a script does: a JSON object, asking for JSON back.</summary>
    public async Task<HttpResponseMessage> PostJsonAsync(string path, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return await Client.SendAsync(request);
    }

    public async Task<List<Response>> ResponsesAsync()
    {
        await using var db = Database.CreateContext();
        return await db.Responses.AsNoTracking().Include(r => r.Answers).ToListAsync();
    }

    public static async Task<string> BodyAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode} {response.StatusCode}, not {(int)status}: {body}");
        return body;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        await Database.DisposeAsync();
    }
}
