using FeedbackBot.Data;
using FeedbackBot.Testing;
using FeedbackBot.Testing.Browser;
using FeedbackBot.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FeedbackBot.Tests.Adapters.Playground;

public sealed class PlaygroundBrowserTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private static readonly LocatorAssertionsToBeVisibleOptions Visible = new() { Timeout = 20_000 };

    [Fact]
    public async Task Playground_InChromium_ChatsAnswersACardSwitchesIdentityAndResumesWithoutLeavingLoopback()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = await PlaygroundHost.StartAsync(CliRun.Settings(database), new EchoBot());
        var origin = TestHost.Address(app).GetLeftPart(UriPartial.Authority);
        var page = await chromium.NewPageAsync();
        var elsewhere = new List<string>();
        var problems = new List<string>();
        await page.Context.RouteAsync("**/*", async route =>
        {
            if (route.Request.Url.StartsWith(origin + "/", StringComparison.Ordinal))
            {
                await route.ContinueAsync();
                return;
            }

            lock (elsewhere)
            {
                elsewhere.Add(route.Request.Url);
            }

            await route.AbortAsync();
        });
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                lock (problems)
                {
                    problems.Add($"{message.Type}: {message.Text}");
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (problems)
            {
                problems.Add("page error: " + error);
            }
        };

        await page.GotoAsync(origin + "/playground");
        var staff = page.Locator("#chat-staff");
        var manager = page.Locator("#chat-manager");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "FeedbackBot playground" })).ToBeVisibleAsync();
        await Expect(Said(staff, "Hello Sam, say something.")).ToBeVisibleAsync(Visible);

        await SayAsync(staff, "hello");
        await Expect(Said(staff, "Sam said: hello")).ToBeVisibleAsync(Visible);

        await SayAsync(staff, "card");
        var card = staff.Locator(".ac-adaptiveCard").Filter(new() { HasText = "How was your shift?" });
        await Expect(card).ToBeVisibleAsync(Visible);
        await card.Locator("input, textarea").First.FillAsync("Busy but fine");
        await ChromiumFixture.SaveScreenshotAsync(page, "playground-card");
        await card.GetByRole(AriaRole.Button, new() { Name = "Send answer" }).ClickAsync();
        await Expect(Said(staff, "Thanks Sam, you wrote: Busy but fine")).ToBeVisibleAsync(Visible);
        await Expect(staff.GetByText("How was your shift?")).ToHaveCountAsync(0);
        await ChromiumFixture.SaveScreenshotAsync(page, "playground-staff");

        await page.Locator("button[data-user-id='playground:manager']").ClickAsync();
        await Expect(manager).ToBeVisibleAsync();
        await Expect(staff).ToBeHiddenAsync();
        await Expect(Said(manager, "Hello Morgan, say something.")).ToBeVisibleAsync(Visible);
        Assert.Equal(0, await manager.GetByText("Sam said: hello").CountAsync());

        await SayAsync(manager, "ping playground:staff");
        await Expect(Said(manager, "Pinged 1 conversation(s)")).ToBeVisibleAsync(Visible);
        var staffButton = page.Locator("button[data-user-id='playground:staff']");
        await Expect(staffButton.Locator(".unread")).ToHaveTextAsync("1", new() { Timeout = 20_000 });
        await ChromiumFixture.SaveScreenshotAsync(page, "playground-manager");

        await staffButton.ClickAsync();
        await Expect(Said(staff, "Morgan pinged you")).ToBeVisibleAsync(Visible);
        await Expect(staffButton.Locator(".unread")).ToBeHiddenAsync();

        await page.ReloadAsync();
        await Expect(Said(staff, "Morgan pinged you")).ToBeVisibleAsync(Visible);
        await Expect(Said(staff, "Sam said: hello")).ToBeVisibleAsync(Visible);
        await Expect(staff.Locator("p", new() { HasTextString = "Hello Sam, say something." })).ToHaveCountAsync(1);

        Assert.Empty(elsewhere);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>A message in the transcript (Web Chat also repeats it in labels for screen readers).</summary>
    private static ILocator Said(ILocator chat, string text) => chat.GetByText(text, new() { Exact = true }).First;

    private static async Task SayAsync(ILocator chat, string text)
    {
        var input = chat.Locator("[data-id='webchat-sendbox-input']");
        await input.FillAsync(text);
        await input.PressAsync("Enter");
    }
}
