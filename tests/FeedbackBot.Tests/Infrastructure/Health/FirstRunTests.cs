using System.Net;
using FeedbackBot.Testing;
using FeedbackBot.Tests.Support;

namespace FeedbackBot.Tests.Infrastructure.Health;

/// <summary>The newcomer's first run: the real executable, no configuration, an empty folder.</summary>
public sealed class FirstRunTests
{
    [Fact]
    public async Task Serve_NoConfiguration_CreatesTheSqliteFileAndAnswersHealthAndReadiness()
    {
        using var folder = new TempFolder();
        var port = BotProcess.FreePort();
        await using var bot = BotProcess.Start(folder.Path, new Dictionary<string, string>(), "--urls", $"http://127.0.0.1:{port}");
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };

        var ready = await Eventually.ThatAsync(() => ReadyAsync(client), r => r || bot.HasExited, "/readyz to answer, or the bot to exit", TimeSpan.FromSeconds(30));

        Assert.True(ready, $"Not ready within 30 s.\nstdout:\n{bot.Output}\nstderr:\n{bot.Error}");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        Assert.True(File.Exists(Path.Combine(folder.Path, "data", "feedbackbot.db")));
    }

    [Fact]
    public async Task Serve_UnknownProvider_ExitsTwoWithOneLineNamingTheKey()
    {
        using var folder = new TempFolder();
        await using var bot = BotProcess.Start(
            folder.Path,
            new Dictionary<string, string> { ["Database__Provider"] = "Oracle" },
            "--urls", $"http://127.0.0.1:{BotProcess.FreePort()}");

        Assert.True(await bot.WaitForExitAsync(TimeSpan.FromSeconds(30)), "The bot kept running with a bad setting.");
        Assert.Equal(2, bot.ExitCode);
        Assert.Equal("feedbackbot: configuration: Database:Provider must be Sqlite or Postgres, not 'Oracle'.", bot.Error.Trim());
        Assert.False(Directory.Exists(Path.Combine(folder.Path, "data")));
    }

    private static async Task<bool> ReadyAsync(HttpClient client)
    {
        try
        {
            return (await client.GetAsync("/readyz")).StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            // Not listening yet.
            return false;
        }
    }
}
