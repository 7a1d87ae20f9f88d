using System.Text.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Features.Reviews;
using FeedbackBot.Testing;
using FeedbackBot.Testing.Browser;
using FeedbackBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FeedbackBot.Tests.Features.CustomerSurveys;

/// <summary>
/// The issue's acceptance, as a customer and an operator would go through it: links made with the command line,
/// one opened in Chromium on a phone-sized screen and answered with the keyboard alone, sent, the browser's back
/// button pressed and the answers sent again; one response is stored, and the cycle's review counts it with a
/// response rate. Then the page, empty, with errors and thanking, is checked with axe-core against WCAG 2.2 AA.
/// </summary>
public sealed class SurveyLinkBrowserTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private static readonly LocatorAssertionsToBeFocusedOptions Focused = new() { Timeout = 30_000 };
    private static readonly LocatorAssertionsToBeVisibleOptions Visible = new() { Timeout = 30_000 };

    [Fact]
    public async Task SurveyLink_AnsweredByKeyboardThenSentAgainFromBack_StoresOneResponseTheReviewCounts()
    {
        await using var rig = await SurveyRig.StartAsync(DatabaseProvider.Sqlite, jobs: true);
        var made = await CliRun.RunAsync(rig.Settings, "links", "create", "--plan", "customer-experience", "--count", "3");
        Assert.True(made.ExitCode == 0, made.Error);
        var links = made.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, links.Length);

        var page = await chromium.NewPageAsync(390, 844);
        await page.GotoAsync(links[0]);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Customer experience" })).ToBeVisibleAsync(Visible);

        // A second tab on the same link, left open with the survey in it.
        var other = await page.Context.NewPageAsync();
        await other.GotoAsync(links[0]);

        // Tab reaches each question's group; Space picks its first point and the arrows move along the scale.
        await AnswerAsync(page, "satisfaction", right: 3);
        await AssertFocusRingAsync(page);
        await AnswerAsync(page, "recommend", right: 9);
        await AnswerAsync(page, "effort", right: 1);
        await AnswerAsync(page, "first_contact", right: 0);
        await AnswerAsync(page, "speed", right: 3);
        await AnswerAsync(page, "kept_promises", right: 4);
        await AnswerAsync(page, "understood", right: 3);
        await AnswerAsync(page, "kept_informed", right: 2);
        await AnswerAsync(page, "contact_channel", right: 1);
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator("#q-comment")).ToBeFocusedAsync(Focused);
        await page.Keyboard.TypeAsync("Sorted out on the first call.");
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Send my answers" })).ToBeFocusedAsync(Focused);
        await AssertFocusRingAsync(page);
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Thank you" })).ToBeVisibleAsync(Visible);
        Assert.EndsWith("/thanks", page.Url, StringComparison.Ordinal);
        await ChromiumFixture.SaveScreenshotAsync(page, "survey-link-thanks");

        // Back: the page is not kept (no-store), so the browser asks again and learns the link is used.
        await page.GoBackAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Already answered" })).ToBeVisibleAsync(Visible);
        Assert.Equal(0, await page.Locator("form").CountAsync());

        // The tab that still shows the survey sends it again, by keyboard too.
        await other.Locator("#q-satisfaction-5").FocusAsync();
        await other.Keyboard.PressAsync("Space");
        await other.Keyboard.PressAsync("Enter");
        await Expect(other.GetByRole(AriaRole.Heading, new() { Name = "Already answered" })).ToBeVisibleAsync(Visible);

        var response = Assert.Single(await rig.ResponsesAsync());
        await using (var db = rig.Database.CreateContext())
        {
            var questions = await db.PlanQuestions.ToDictionaryAsync(q => q.Id, q => q.Key);
            Assert.Equal(
                new Dictionary<string, string>
                {
                    ["satisfaction"] = "4",
                    ["recommend"] = "9",
                    ["effort"] = "2",
                    ["first_contact"] = "yes",
                    ["speed"] = "4",
                    ["kept_promises"] = "5",
                    ["understood"] = "4",
                    ["kept_informed"] = "3",
                    ["contact_channel"] = "Email",
                    ["comment"] = "Sorted out on the first call.",
                },
                response.Answers.ToDictionary(a => questions[a.QuestionId], a => a.Value));
        }

        // The cycle closes on its own when its time is up, and its review counts the one answer of three links.
        var cycle = await CycleAsync(rig);
        DueJobs.JumpTo(rig.Clock, Utc(cycle.EndsAt).AddSeconds(5), rig.App.Services);
        var stored = await Eventually.ThatAsync(
            async () =>
            {
                await using var db = rig.Database.CreateContext();
                return await db.Reviews.AsNoTracking().SingleOrDefaultAsync(r => r.CycleId == cycle.Id);
            },
            review => review is not null,
            "the cycle's review",
            TimeSpan.FromSeconds(60));
        using (var json = JsonDocument.Parse(stored!.Document))
        {
            Assert.Equal(1, json.RootElement.GetProperty("validation").GetProperty("received").GetInt32());
            var rate = json.RootElement.GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("id").GetString() == "response_rate");
            Assert.Equal(33.3, rate.GetProperty("value").GetDouble());
        }

        var report = await rig.App.Services.GetRequiredService<ReportLinks>().CreateAsync(stored.Id, CancellationToken.None);
        var reader = await chromium.NewPageAsync();
        await reader.GotoAsync(new Uri(rig.Client.BaseAddress!, report.PathAndQuery).AbsoluteUri);
        var card = reader.Locator("article[data-kpi='response_rate']");
        await Expect(card.GetByRole(AriaRole.Heading, new() { Name = "Response rate" })).ToBeVisibleAsync(Visible);
        await Expect(card.Locator(".kpi-value")).ToHaveTextAsync("33.3%");
        await card.ScrollIntoViewIfNeededAsync();
        await ChromiumFixture.SaveScreenshotAsync(reader, "survey-link-review");
    }

    [Fact]
    public async Task SurveyPage_EmptyWithErrorsAndThanking_HasNoWcag22AaViolations()
    {
        await using var rig = await SurveyRig.StartAsync(DatabaseProvider.Sqlite, SurveyPageTests.MixedPlan);
        var link = new Uri(rig.Client.BaseAddress!, await rig.LinkAsync(plan: "service-check")).AbsoluteUri;
        var page = await chromium.NewPageAsync(390, 844);

        await page.GotoAsync(link);
        await AssertAccessibleAsync(page, "empty");

        // Sent with nothing chosen: the summary takes the focus, and the next Tab is its link to the first error.
        await page.Locator("button[type=submit]").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Please answer this question.", new() { Timeout = 30_000 });
        // Waited for, not read at once: the focus moves when the page has loaded, and following the link is a navigation.
        await Expect(page.Locator(".error-summary")).ToBeFocusedAsync(Focused);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#q-customer_speed-1")).ToBeFocusedAsync(Focused);
        await AssertAccessibleAsync(page, "errors");
        await ChromiumFixture.SaveScreenshotAsync(page, "survey-link-errors");

        await page.Keyboard.PressAsync("Space");
        await page.Locator("button[type=submit]").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Thank you" })).ToBeVisibleAsync(Visible);
        await AssertAccessibleAsync(page, "thanks");

        await page.GotoAsync(link);
        await AssertAccessibleAsync(page, "already answered");
        await page.GotoAsync(link[..^4] + "abcd");
        await AssertAccessibleAsync(page, "not found");
    }

    /// <summary>Tabs into a question's group, picks its first point with Space and moves <paramref name="right"/> along it.</summary>
    private static async Task AnswerAsync(IPage page, string question, int right)
    {
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator($"#q-{question}-1")).ToBeFocusedAsync(Focused);
        await page.Keyboard.PressAsync("Space");
        for (var i = 0; i < right; i++)
        {
            await page.Keyboard.PressAsync("ArrowRight");
        }
    }

    // What a keyboard user sees of the focus: the page's own ring, not the browser's faint default.
    private static async Task AssertFocusRingAsync(IPage page)
    {
        var ring = await page.EvaluateAsync<string>("(() => { const s = getComputedStyle(document.activeElement); return `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`; })()");
        Assert.Equal("solid 3px rgb(29, 78, 216)", ring);
    }

    private static async Task AssertAccessibleAsync(IPage page, string state)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        });
        Assert.True(
            result.Violations.Length == 0,
            $"axe-core found on the {state} page: " + string.Join("; ", result.Violations.Select(v => $"{v.Id} ({v.Help}) at {string.Join(", ", v.Nodes.Select(n => n.Html))}")));
        Assert.NotEmpty(result.Passes);
    }

    private static async Task<ReviewCycle> CycleAsync(SurveyRig rig)
    {
        await using var db = rig.Database.CreateContext();
        return await db.ReviewCycles.AsNoTracking().SingleAsync();
    }

    private static DateTimeOffset Utc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));
}
