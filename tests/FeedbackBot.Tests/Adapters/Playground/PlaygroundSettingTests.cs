using System.Net;
using FeedbackBot.Data;
using FeedbackBot.Testing;
using FeedbackBot.Tests.Support;

namespace FeedbackBot.Tests.Adapters.Playground;

public sealed class PlaygroundSettingTests
{
    [Theory]
    [InlineData("Sqlite", null, true)]
    [InlineData("Sqlite", "false", false)]
    [InlineData("Postgres", null, false)]
    [InlineData("Postgres", "true", true)]
    [InlineData("Postgres", " TRUE ", true)]
    public async Task Playground_ProviderAndSetting_ServedOnlyWhenEnabled(string provider, string? enabled, bool served)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["ConnectionStrings:Feedback"] = provider == "Sqlite" ? database.ConnectionString : "Host=127.0.0.1;Database=unused",
            ["Playground:Enabled"] = enabled,
        };
        await using var app = await PlaygroundHost.StartAsync(settings, new EchoBot());
        using var client = PlaygroundHost.Client(app);

        using var page = await client.GetAsync("/playground");
        using var script = await client.GetAsync("/playground/webchat.js");
        using var start = await client.PostAsync("/v3/directline/conversations", DirectLineHttp.Json("{}"));
        using var poll = await client.GetAsync("/v3/directline/conversations/any/activities?watermark=");

        var expected = served ? HttpStatusCode.OK : HttpStatusCode.NotFound;
        Assert.Equal(expected, page.StatusCode);
        Assert.Equal(expected, script.StatusCode);
        Assert.Equal(expected, start.StatusCode);
        Assert.Equal(served ? HttpStatusCode.Unauthorized : HttpStatusCode.NotFound, poll.StatusCode);
    }

    [Theory]
    [InlineData("Playground:Enabled", "sometimes")]
    [InlineData("Playground:AllowRemote", "yes please")]
    public async Task Serve_PlaygroundSettingNotABoolean_Exits2NamingTheKey(string key, string value)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var settings = CliRun.Settings(database);
        settings[key] = value;

        var run = CliRun.RunAsync(settings, "serve", "--urls", "http://127.0.0.1:0");
        var finished = await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(60)));

        Assert.Same(run, finished);
        var result = await run;
        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"feedbackbot: configuration: {key} must be true or false, not '{value}'.", result.Error.Trim());
    }
}
