using FeedbackBot.Data;
using FeedbackBot.Testing;
using FeedbackBot.Testing.Browser;
using FeedbackBot.Tests.Features.Reviews;
using FeedbackBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FeedbackBot.Tests.Adapters.Playground;

/// <summary>
/// Issue 16's acceptance, as a new user tries it in the playground: the manager scores Sam's interaction, Sam sees it,
/// acknowledges it and agrees an action, and the manager sees the acknowledgement.
/// </summary>
public sealed class PlaygroundCoachingBrowserTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private static readonly LocatorAssertionsToBeVisibleOptions Visible = new() { Timeout = 30_000 };

    [Fact]
    public async Task Playground_ManagerScoresSam_SamAcknowledgesAndAgreesAnAction_ManagerSeesTheAcknowledgement()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ExampleReviews.ImportAllAsync(database);
        await using var app = await PlaygroundHost.StartAsync(CliRun.Settings(database), null);
        var origin = TestHost.Address(app).GetLeftPart(UriPartial.Authority);
        var page = await chromium.NewPageAsync(1280, 1400);
        var staff = page.Locator("#chat-staff");
        var manager = page.Locator("#chat-manager");

        // Sam opens the playground first, so the bot knows Sam and can write to Sam.
        await page.GotoAsync(origin + "/playground");
        await Expect(staff.GetByText("What I can do").First).ToBeVisibleAsync(Visible);

        await page.Locator("button[data-user-id='playground:manager']").ClickAsync();
        await Expect(manager.GetByText("What I can do").First).ToBeVisibleAsync(Visible);
        await SayAsync(manager, "qa score Sam phone-call");
        var scorecard = manager.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Save evaluation" }).Last;
        await Expect(scorecard).ToBeVisibleAsync(Visible);
        await scorecard.GetByLabel("Interaction reference").FillAsync("CALL-50101");
        await PickAsync(scorecard, new() { ["c.greeting"] = "yes", ["c.identity_checked"] = "yes", ["c.listened"] = "3", ["c.resolved"] = "yes", ["c.hold_explained"] = "na" });
        await scorecard.GetByLabel("What went well").FillAsync("Found the billing error quickly.");
        await scorecard.GetByLabel("What to improve").FillAsync("Let the customer finish before answering.");
        await ChromiumFixture.SaveScreenshotAsync(page, "playground-qa-score");
        await scorecard.GetByRole(AriaRole.Button, new() { Name = "Save evaluation" }).ClickAsync();
        await Expect(manager.GetByText("Evaluation saved").First).ToBeVisibleAsync(Visible);
        await Expect(manager.GetByText("83.3 of 100, passed (pass mark 80)").First).ToBeVisibleAsync(Visible);

        await page.Locator("button[data-user-id='playground:staff']").ClickAsync();
        var feedback = staff.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Send answer" }).Last;
        await Expect(feedback).ToBeVisibleAsync(Visible);
        await Expect(feedback.GetByText("Your evaluation from Morgan")).ToBeVisibleAsync(Visible);
        await Expect(feedback.GetByText("Found the billing error quickly.")).ToBeVisibleAsync(Visible);
        await feedback.Locator("select").First.SelectOptionAsync("acknowledge");
        await feedback.GetByLabel("Your reflection").FillAsync("The queue was long and I rushed.");
        await feedback.GetByLabel("Action: what you will do").FillAsync("Summarise the problem back before answering");
        await feedback.GetByLabel("Action due date").FillAsync(DateTime.UtcNow.AddDays(14).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await ChromiumFixture.SaveScreenshotAsync(page, "playground-qa-feedback");
        await feedback.GetByRole(AriaRole.Button, new() { Name = "Send answer" }).ClickAsync();
        await Expect(staff.GetByText("Sam acknowledged it on", new() { Exact = false }).First).ToBeVisibleAsync(Visible);

        await page.Locator("button[data-user-id='playground:manager']").ClickAsync();
        var answer = manager.Locator(".ac-adaptiveCard").Filter(new() { HasText = "acknowledged your evaluation" }).Last;
        await Expect(answer).ToBeVisibleAsync(Visible);
        await Expect(answer.GetByText("Summarise the problem back before answering", new() { Exact = false })).ToBeVisibleAsync(Visible);
        await answer.ScrollIntoViewIfNeededAsync();
        await ChromiumFixture.SaveScreenshotAsync(page, "playground-qa-answer");

        await using var db = database.CreateContext();
        var evaluation = await db.Evaluations.Include(e => e.CoachingActions).SingleAsync();
        Assert.NotNull(evaluation.AcknowledgedAt);
        Assert.Equal("Summarise the problem back before answering", Assert.Single(evaluation.CoachingActions).What);
    }

    // Each criterion is a group of radio buttons named after its input: click the one with the value wanted.
    private static async Task PickAsync(ILocator card, Dictionary<string, string> answers)
    {
        foreach (var (criterion, value) in answers)
        {
            await card.EvaluateAsync(
                """
                (card, [criterion, value]) => {
                  const radios = [...card.querySelectorAll('input[type=radio]')].filter(r => r.value === value && (r.name.includes(criterion) || r.id.includes(criterion)));
                  if (radios.length === 0) throw new Error('no radio ' + value + ' for ' + criterion);
                  radios[0].click();
                }
                """,
                new[] { criterion, value });
        }
    }

    private static async Task SayAsync(ILocator chat, string text)
    {
        var input = chat.Locator("[data-id='webchat-sendbox-input']");
        await input.FillAsync(text);
        await input.PressAsync("Enter");
    }
}
