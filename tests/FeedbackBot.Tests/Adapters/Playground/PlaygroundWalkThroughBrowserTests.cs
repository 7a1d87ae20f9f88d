using FeedbackBot.Adapters.Playground;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Infrastructure.Storage;
using FeedbackBot.Testing;
using FeedbackBot.Testing.Browser;
using FeedbackBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FeedbackBot.Tests.Adapters.Playground;

/// <summary>
/// The README's playground story, in Chromium, on the first-run data a new user gets: Morgan reads help and starts
/// the quick pulse; Sam, in a new tab, gets it back with <c>my pulses</c> and answers; Alex, who does not answer, is
/// reminded and Sam is not; the cycle closes by itself and Morgan's conversation receives its review, counting Sam's answer and
/// saying why its figures are withheld. Only the clock is moved by hand, over the cycle's five minutes.
/// </summary>
public sealed class PlaygroundWalkThroughBrowserTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private static readonly LocatorAssertionsToBeVisibleOptions Visible = new() { Timeout = 30_000 };

    [Fact]
    public async Task Playground_QuickPulseFromHelpToTheReview_ClosesItsLoopOnItsOwn()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var clock = ManualClock.FollowingRealTime();
        await using var app = await PlaygroundHost.StartAsync(
            CliRun.Settings(database),
            bot: null,
            services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)),
            beforeStart: async services =>
            {
                // What 'serve' does before it listens: migrate, then the first run's sample data.
                await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
                await PlaygroundSample.SeedAsync(services, CancellationToken.None);
            });
        var origin = TestHost.Address(app).GetLeftPart(UriPartial.Authority);

        // Morgan's tab: every identity's conversation starts with the page.
        var first = await chromium.NewPageAsync(1280, 1100);
        await first.GotoAsync(origin + "/playground");
        foreach (var panel in new[] { "staff", "manager", "alex", "jo" })
        {
            await Expect(first.Locator($"#chat-{panel}").GetByText("What I can do").First).ToBeAttachedAsync(new() { Timeout = 30_000 });
        }

        var manager = first.Locator("#chat-manager");
        await first.Locator("button[data-user-id='playground:manager']").ClickAsync();
        await Expect(manager.GetByText("status PLAN", new() { Exact = true }).First).ToBeVisibleAsync(Visible);
        await Expect(manager.GetByText("start pulse PLAN", new() { Exact = true }).First).ToBeVisibleAsync(Visible);
        await SayAsync(manager, "start pulse quick-pulse");
        await Expect(manager.GetByText("invited 4 people", new() { Exact = false }).First).ToBeVisibleAsync(Visible);
        var cycle = await OpenCycleAsync(database);

        // Sam in a new tab: new conversations, where the invitation never arrived.
        var second = await chromium.NewPageAsync(1280, 1100);
        await second.GotoAsync(origin + "/playground");
        var sam = second.Locator("#chat-staff");
        foreach (var panel in new[] { "staff", "manager", "alex", "jo" })
        {
            await Expect(second.Locator($"#chat-{panel}").GetByText("What I can do").First).ToBeAttachedAsync(new() { Timeout = 30_000 });
        }

        Assert.Equal(0, await sam.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Quick pulse" }).CountAsync());
        await SayAsync(sam, "my pulses");
        var survey = sam.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Quick pulse" }).Last;
        await Expect(survey).ToBeVisibleAsync(Visible);
        await Expect(survey.GetByText("Strongly agree").First).ToBeVisibleAsync(Visible);
        var groups = await survey.EvaluateAsync<int>(
            """
            card => {
              const groups = {};
              for (const radio of card.querySelectorAll('input[type=radio]')) { (groups[radio.name] ??= []).push(radio); }
              for (const group of Object.values(groups)) { (group.find(r => r.value === '4') ?? group[0]).click(); }
              return Object.keys(groups).length;
            }
            """);
        Assert.Equal(3, groups);
        await survey.Locator("textarea").First.FillAsync("A second screen for the booking system.");
        await survey.GetByRole(AriaRole.Button, new() { Name = "Submit" }).ClickAsync();
        await Expect(sam.GetByText("Thanks — your answers").First).ToBeVisibleAsync(Visible);
        await SayAsync(sam, "my pulses");
        await Expect(sam.GetByText("You have no open pulses.").First).ToBeVisibleAsync(Visible);
        await ChromiumFixture.SaveScreenshotAsync(second, "walkthrough-sam");

        // Two minutes on: Alex, who has not answered, is reminded, in the conversation Alex spoke in last (this tab's).
        DueJobs.JumpTo(clock, cycle.StartsAt.AddMinutes(2).AddSeconds(5), app.Services);
        await second.Locator("button[data-user-id='playground:alex']").ClickAsync();
        await Expect(second.Locator("#chat-alex").GetByText("Reminder: you have not answered", new() { Exact = false }).First).ToBeVisibleAsync(Visible);
        Assert.Equal(0, await sam.GetByText("Reminder: you have not answered", new() { Exact = false }).CountAsync());

        // Five minutes on: the cycle closes, is reviewed, and the review reaches Morgan's conversation.
        DueJobs.JumpTo(clock, cycle.EndsAt.AddSeconds(5), app.Services);
        await first.Locator("button[data-user-id='playground:manager']").ClickAsync();
        var review = manager.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Open the full report" }).Filter(new() { HasText = "Quick pulse" }).Last;
        await Expect(review).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Expect(review.GetByText("1 usable of 1 received").First).ToBeVisibleAsync(Visible);
        await Expect(review.GetByText("fewer than 3 answers, the smallest group the plan reports on", new() { Exact = false }).First).ToBeVisibleAsync(Visible);
        await review.ScrollIntoViewIfNeededAsync();
        await ChromiumFixture.SaveScreenshotAsync(first, "walkthrough-review");

        await using var db = database.CreateContext();
        var closed = await db.ReviewCycles.AsNoTracking().SingleAsync(c => c.Id == cycle.Id);
        Assert.Equal(CycleState.Reviewed, closed.State);
        Assert.Equal(1, await db.Reviews.CountAsync(r => r.CycleId == cycle.Id));
    }

    private static async Task<(Guid Id, DateTimeOffset StartsAt, DateTimeOffset EndsAt)> OpenCycleAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var cycle = await (from c in db.ReviewCycles
                           join p in db.Plans on c.PlanId equals p.Id
                           where p.Key == "quick-pulse" && c.State == CycleState.Open
                           select c).AsNoTracking().SingleAsync();
        return (cycle.Id, Utc(cycle.StartsAt), Utc(cycle.EndsAt));
    }

    private static DateTimeOffset Utc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));

    private static async Task SayAsync(ILocator chat, string text)
    {
        var input = chat.Locator("[data-id='webchat-sendbox-input']");
        await input.FillAsync(text);
        await input.PressAsync("Enter");
    }
}
