using System.Globalization;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Testing;
using FeedbackBot.Testing.Browser;
using FeedbackBot.Tests.Features.Reviews;
using FeedbackBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FeedbackBot.Tests.Adapters.Playground;

/// <summary>
/// Issue 17 in the playground, as a manager tries it: Adopt beside a recommendation of the latest review, fill in the
/// form, then mark the action implemented from <c>actions</c>.
/// </summary>
public sealed class PlaygroundActionsBrowserTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private static readonly LocatorAssertionsToBeVisibleOptions Visible = new() { Timeout = 30_000 };

    [Fact]
    public async Task Playground_ManagerAdoptsARecommendation_ThenMarksItImplementedFromActions()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ExampleReviews.ImportAllAsync(database);
        await ExampleReviews.ReviewAsync(database);
        await using var app = await PlaygroundHost.StartAsync(CliRun.Settings(database), null);
        var page = await chromium.NewPageAsync(1280, 1600);
        var manager = page.Locator("#chat-manager");

        await page.GotoAsync(TestHost.Address(app).GetLeftPart(UriPartial.Authority) + "/playground");
        await page.Locator("button[data-user-id='playground:manager']").ClickAsync();
        await Expect(manager.GetByText("What I can do").First).ToBeVisibleAsync(Visible);
        await SayAsync(manager, "latest review customer-experience");
        var summary = manager.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Open the full report" }).Last;
        await Expect(summary).ToBeVisibleAsync(Visible);
        await summary.GetByRole(AriaRole.Button, new() { Name = "Adopt" }).First.ClickAsync();

        var form = manager.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Adopt as an improvement action" }).Last;
        await Expect(form).ToBeVisibleAsync(Visible);
        await form.GetByLabel("Resources", new() { Exact = false }).FillAsync("Two team leads, half a day each");
        await form.GetByLabel("Cost", new() { Exact = false }).FillAsync("600");
        await ChromiumFixture.SaveScreenshotAsync(page, "playground-adopt");
        await form.GetByRole(AriaRole.Button, new() { Name = "Adopt" }).ClickAsync();
        await Expect(manager.GetByText("Adopted as action", new() { Exact = false }).First).ToBeVisibleAsync(Visible);

        await SayAsync(manager, "actions");
        var list = manager.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Your open improvement actions" }).Last;
        await Expect(list).ToBeVisibleAsync(Visible);
        await list.GetByRole(AriaRole.Button, new() { Name = "Update" }).First.ClickAsync();
        var update = manager.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Note for its log" }).Last;
        await Expect(update).ToBeVisibleAsync(Visible);
        await update.Locator("select").First.SelectOptionAsync("in_progress");
        await update.GetByLabel("Note for its log", new() { Exact = false }).FillAsync("Rota drafted with the team leads");
        await update.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(manager.GetByText("updated", new() { Exact = false }).Last).ToBeVisibleAsync(Visible);
        await ChromiumFixture.SaveScreenshotAsync(page, "playground-actions");

        await using var db = database.CreateContext();
        var action = await db.ImprovementActions.Include(a => a.Notes).SingleAsync(a => a.CreatedBy == "playground:manager");
        Assert.Equal((600m, ImprovementActionStatus.InProgress), (action.Cost!.Value, action.Status));
        Assert.Contains(action.Notes, n => n.Text == "Rota drafted with the team leads");
        Assert.True(action.DueOn >= DateOnly.FromDateTime(DateTime.UtcNow), action.DueOn.ToString(CultureInfo.InvariantCulture));
    }

    private static async Task SayAsync(ILocator chat, string text)
    {
        var input = chat.Locator("[data-id='webchat-sendbox-input']");
        await input.FillAsync(text);
        await input.PressAsync("Enter");
    }
}
