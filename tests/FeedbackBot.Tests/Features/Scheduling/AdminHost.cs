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
internal sealed partial class AdminHost : IAsyncDisposable
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

    public static string AntiforgeryToken(string page) =>
        TokenField().Match(page) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException("The page has no anti-forgery token.");

    public async Task<HttpResponseMessage> PostAsync(string action, string key, string? token)
    {
        var fields = new Dictionary<string, string> { ["key"] = key };
        if (token is not null)
        {
            fields["__af"] = token;
        }

        using var form = new FormUrlEncodedContent(fields);
        return await Client.PostAsync($"/admin/jobs/{action}", form);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
    }

    [GeneratedRegex("name=\"__af\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
