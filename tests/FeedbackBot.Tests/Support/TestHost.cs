using FeedbackBot.CommandLine;
using FeedbackBot.Infrastructure.Hosting;
using FeedbackBot.Infrastructure.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace FeedbackBot.Tests.Support;

/// <summary>The bot's real web application on a free loopback port, in process.</summary>
internal static class TestHost
{
    public static async Task<WebApplication> StartAsync(IReadOnlyDictionary<string, string?> settings, bool migrate = true, Action<IServiceCollection>? services = null)
    {
        var app = BotWebApplication.Build(["--urls=http://127.0.0.1:0"], new CliContext(TextWriter.Null, TextWriter.Null, settings), services);
        if (migrate)
        {
            await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        }

        await app.StartAsync();
        return app;
    }

    public static Uri Address(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
}
