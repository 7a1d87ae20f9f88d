using System.Net;
using System.Text.RegularExpressions;
using FeedbackBot.Data;
using FeedbackBot.Testing;
using FeedbackBot.Tests.Support;

namespace FeedbackBot.Tests.Adapters.Playground;

public sealed partial class PlaygroundPageTests
{
    [Fact]
    public async Task GetPlayground_ServesThePageWithAStrictPolicyAndAFreshNonce()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = await PlaygroundHost.StartAsync(CliRun.Settings(database), new EchoBot());
        using var client = PlaygroundHost.Client(app);

        using var first = await client.GetAsync("/playground");
        using var second = await client.GetAsync("/playground");
        var html = await first.Content.ReadAsStringAsync();
        var policy = first.Headers.GetValues("Content-Security-Policy").Single();
        var nonce = Nonce().Match(policy).Groups[1].Value;

        Assert.Equal("text/html", first.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("default-src 'none'; script-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", policy, StringComparison.Ordinal);
        Assert.NotEmpty(nonce);
        Assert.Contains($"<script src=\"/playground/webchat.js\" nonce=\"{nonce}\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain(nonce, second.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("Sam (staff)", html, StringComparison.Ordinal);
        Assert.Contains("Morgan (admin)", html, StringComparison.Ordinal);
        Assert.Contains("FeedbackBot playground", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsset_WebChatFromNpm_ServedWithAnETagThatRevalidates()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = await PlaygroundHost.StartAsync(CliRun.Settings(database), new EchoBot());
        using var client = PlaygroundHost.Client(app);

        using var script = await client.GetAsync("/playground/webchat.js");
        var body = await script.Content.ReadAsStringAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/playground/webchat.js");
        request.Headers.IfNoneMatch.Add(script.Headers.ETag!);
        using var revalidated = await client.SendAsync(request);
        using var unknown = await client.GetAsync("/playground/secrets.json");

        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.True(body.Length > 1_000_000, $"webchat.js is only {body.Length} characters");
        Assert.Contains("4.18.1", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/playground/playground.js")).StatusCode);
        Assert.Equal("text/css", (await client.GetAsync("/playground/playground.css")).Content.Headers.ContentType?.MediaType);
    }

    [GeneratedRegex("style-src 'self' 'nonce-([A-Za-z0-9+/=]+)'")]
    private static partial Regex Nonce();
}
