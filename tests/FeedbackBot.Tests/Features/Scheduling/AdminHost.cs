using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using FeedbackBot.CommandLine;
using FeedbackBot.Infrastructure.Hosting;
using FeedbackBot.Infrastructure.Storage;
using FeedbackBot.Jobs.Cycles;
using FeedbackBot.Testing;
using FeedbackBot.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace FeedbackBot.Tests.Features.Scheduling;

/// <summary>The bot on loopback with a recording cycle lifecycle, and a browser-like client that keeps cookies.</summary>
internal sealed class AdminHost : IAsyncDisposable
{
    private AdminHost(WebApplication app, RecordingCycleLifecycle lifecycle)
    {
        App = app;
        Lifecycle = lifecycle;
        Client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = TestHost.Address(app) };
    }

    public WebApplication App { get; }

    public RecordingCycleLifecycle Lifecycle { get; }

    public HttpClient Client { get; }

    public static async Task<AdminHost> StartAsync(TestDatabase database, string? password, bool jobsEnabled = true)
    {
        var settings = CliRun.Settings(database);
        settings["Admin:Password"] = password;
        settings["Jobs:Enabled"] = jobsEnabled ? "true" : "false";
        var lifecycle = new RecordingCycleLifecycle();
        var app = BotWebApplication.Build(["--urls=http://127.0.0.1:0"], new CliContext(TextWriter.Null, TextWriter.Null, settings),
            services => services.AddSingleton<ICycleLifecycle>(lifecycle));
        await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        await app.StartAsync();
        return new AdminHost(app, lifecycle);
    }

    public void LogIn(string user, string password) =>
        Client.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));

    /// <summary>
    /// Posts a dashboard command as the dashboard's own script does: the anti-forgery token from the page's
    /// <c>csrf-token</c> meta tag in the header its <c>csrf-header</c> tag names. Null posts without one.
    /// </summary>
    public async Task<HttpResponseMessage> CommandAsync(string path, string jobId, string? page)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/jobs" + path)
        {
            Content = new FormUrlEncodedContent([new KeyValuePair<string, string>("jobs[]", jobId)]),
        };
        if (page is not null)
        {
            var header = MetaContent(page, "csrf-header");
            var token = MetaContent(page, "csrf-token");
            request.Headers.Add(header, token);
        }

        return await Client.SendAsync(request);
    }

    private static string MetaContent(string page, string name) =>
        Regex.Match(page, $"<meta name=\"{name}\" content=\"([^\"]+)\"") is { Success: true } match
            ? System.Net.WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException($"The page has no {name} meta tag.");

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
    }
}
