using System.Net;
using FeedbackBot.Adapters.Playground;
using FeedbackBot.Data;
using FeedbackBot.Infrastructure.Storage;
using FeedbackBot.Testing;
using FeedbackBot.Testing.Browser;
using FeedbackBot.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FeedbackBot.Tests.Adapters.Playground;

/// <summary>On its first run the playground has a customer survey to open: one press makes a single-use link and shows it.</summary>
public sealed class PlaygroundCustomerSurveyTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task AnswerAsACustomer_FirstRun_OpensANewSurveyLinkOfTheExampleCustomerPlan()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = await StartSeededAsync(database);
        var page = await chromium.NewPageAsync(390, 844);

        await page.GotoAsync(TestHost.Address(app) + "playground");
        await page.GetByRole(AriaRole.Button, new() { Name = "Answer as a customer" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/s/[0-9a-f]{32}\\."));
        await Expect(page.GetByText("How satisfied were you with the service you received?").First).ToBeVisibleAsync();
        await using var db = database.CreateContext();
        var invitation = await db.Invitations.SingleAsync(i => i.Via == "link");
        var plan = await (from c in db.ReviewCycles join p in db.Plans on c.PlanId equals p.Id where c.Id == invitation.CycleId select p.Key).SingleAsync();
        Assert.Equal(PlaygroundCustomerSurvey.Plan, plan);
    }

    [Fact]
    public async Task AnswerAsACustomer_PostedFromAnotherSite_Is403AndMakesNoLink()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = await StartSeededAsync(database);
        using var client = new HttpClient { BaseAddress = TestHost.Address(app) };
        using var request = new HttpRequestMessage(HttpMethod.Post, PlaygroundCustomerSurvey.Path);
        request.Headers.Add("Sec-Fetch-Site", "cross-site");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await using var db = database.CreateContext();
        Assert.Empty(await db.Invitations.Where(i => i.Via == "link").ToListAsync());
    }

    private static Task<WebApplication> StartSeededAsync(TestDatabase database) =>
        PlaygroundHost.StartAsync(CliRun.Settings(database), bot: null, beforeStart: async services =>
        {
            // What 'serve' does before it listens: migrate, then the first run's sample data.
            await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
            await PlaygroundSample.SeedAsync(services, CancellationToken.None);
        });
}
