using FeedbackBot.Data;
using FeedbackBot.Testing;
using FeedbackBot.Testing.Browser;
using FeedbackBot.Tests.Features.Reviews;
using FeedbackBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FeedbackBot.Tests.Adapters.Playground;

/// <summary>The playground with the real conversation features, driven in Chromium as a new user would.</summary>
public sealed class PlaygroundFeaturesBrowserTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private static readonly LocatorAssertionsToBeVisibleOptions Visible = new() { Timeout = 30_000 };

    [Fact]
    public async Task Playground_StaffAnswersAPulseAndManagerReadsTheLatestReview()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ExampleReviews.ImportAllAsync(database);
        await ExampleReviews.ReviewAsync(database);
        await using var app = await PlaygroundHost.StartAsync(CliRun.Settings(database), null);
        var origin = TestHost.Address(app).GetLeftPart(UriPartial.Authority);
        var page = await chromium.NewPageAsync(1280, 1100);
        var staff = page.Locator("#chat-staff");
        var manager = page.Locator("#chat-manager");
        var staffButton = page.Locator("button[data-user-id='playground:staff']");
        var managerButton = page.Locator("button[data-user-id='playground:manager']");

        await page.GotoAsync(origin + "/playground");
        await Expect(staff.GetByText("What I can do").First).ToBeVisibleAsync(Visible);

        await managerButton.ClickAsync();
        await Expect(manager.GetByText("What I can do").First).ToBeVisibleAsync(Visible);
        // The arguments as Web Chat shows them: "<plan>" would have been dropped as an HTML tag.
        await Expect(manager.GetByText("status PLAN", new() { Exact = true }).First).ToBeVisibleAsync(Visible);
        await Expect(manager.GetByText("For example: status staff-pulse", new() { Exact = true }).First).ToBeVisibleAsync(Visible);
        await SayAsync(manager, "start pulse staff-pulse");
        await Expect(manager.GetByText("invited 4 people", new() { Exact = false }).First).ToBeVisibleAsync(Visible);

        await staffButton.ClickAsync();
        await Expect(staff.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Staff pulse" }).First).ToBeVisibleAsync(Visible);
        // The card again, on request, as from a new tab: the last one is answered, and answering it is answering the pulse.
        await SayAsync(staff, "my pulses");
        await Expect(staff.GetByText("open pulse to answer", new() { Exact = false }).First).ToBeVisibleAsync(Visible);
        await Expect(staff.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Staff pulse" })).ToHaveCountAsync(2, new() { Timeout = 30_000 });
        var survey = staff.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Staff pulse" }).Last;
        await Expect(survey).ToBeVisibleAsync(Visible);
        // Each scale is a group of radio buttons sharing a name: pick 4 where there is one, as a person would click.
        var groups = await survey.EvaluateAsync<int>(
            """
            card => {
              const groups = {};
              for (const radio of card.querySelectorAll('input[type=radio]')) { (groups[radio.name] ??= []).push(radio); }
              for (const group of Object.values(groups)) { (group.find(r => r.value === '4') ?? group[3] ?? group[0]).click(); }
              return Object.keys(groups).length;
            }
            """);
        Assert.Equal(6, groups);
        await survey.Locator("textarea").First.FillAsync("More time for complex calls.");
        await ChromiumFixture.SaveScreenshotAsync(page, "playground-pulse");
        await survey.GetByRole(AriaRole.Button, new() { Name = "Submit" }).ClickAsync();
        await Expect(staff.GetByText("Thanks — your answers").First).ToBeVisibleAsync(Visible);
        await Expect(staff.GetByText("More time for complex calls.").First).ToBeVisibleAsync(Visible);

        await managerButton.ClickAsync();
        await SayAsync(manager, "latest review customer-experience");
        var summary = manager.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Open the full report" }).Last;
        await Expect(summary).ToBeVisibleAsync(Visible);
        await Expect(summary.GetByText("340 usable of 347 received", new() { Exact = false })).ToBeVisibleAsync(Visible);
        await ChromiumFixture.SaveScreenshotAsync(page, "playground-review");

        await using var db = database.CreateContext();
        Assert.Equal(1, await db.Responses.CountAsync(r => r.IdempotencyKey.StartsWith("s:")));
    }

    private static async Task SayAsync(ILocator chat, string text)
    {
        var input = chat.Locator("[data-id='webchat-sendbox-input']");
        await input.FillAsync(text);
        await input.PressAsync("Enter");
    }
}
