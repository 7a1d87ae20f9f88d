using FeedbackBot.Channels.Playground;
using FeedbackBot.CommandLine;
using FeedbackBot.Infrastructure.Hosting;
using FeedbackBot.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace FeedbackBot.Tests.Adapters.Playground;

/// <summary>The bot's real web application on a loopback port, with the test's <see cref="IPlaygroundBot"/> plugged in.</summary>
internal static class PlaygroundHost
{
    public static async Task<WebApplication> StartAsync(
        IReadOnlyDictionary<string, string?> settings,
        IPlaygroundBot? bot,
        Action<IServiceCollection>? more = null,
        Func<IServiceProvider, Task>? beforeStart = null)
    {
        var app = BotWebApplication.Build(
            ["--urls=http://127.0.0.1:0"],
            new CliContext(TextWriter.Null, TextWriter.Null, settings),
            services =>
            {
                if (bot is not null)
                {
                    services.AddSingleton(bot);
                }

                more?.Invoke(services);
            });
        if (beforeStart is not null)
        {
            await beforeStart(app.Services);
        }

        await app.StartAsync();
        return app;
    }

    public static HttpClient Client(WebApplication app) => new() { BaseAddress = TestHost.Address(app), Timeout = TimeSpan.FromSeconds(30) };
}
