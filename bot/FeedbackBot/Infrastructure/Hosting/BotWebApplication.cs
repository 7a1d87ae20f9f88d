using FeedbackBot.Adapters.Playground;
using FeedbackBot.Adapters.Slack;
using FeedbackBot.Adapters.Teams;
using FeedbackBot.CommandLine;
using FeedbackBot.Conversations;
using FeedbackBot.Features;
using FeedbackBot.Infrastructure.Email;
using FeedbackBot.Infrastructure.Health;
using FeedbackBot.Infrastructure.Inbox;
using FeedbackBot.Infrastructure.Outbox;
using FeedbackBot.Infrastructure.RateLimiting;
using FeedbackBot.Infrastructure.Storage;
using FeedbackBot.Infrastructure.Telemetry;
using FeedbackBot.Jobs;

namespace FeedbackBot.Infrastructure.Hosting;

/// <summary>Builds the bot's web application: configuration, services and endpoints.</summary>
internal static class BotWebApplication
{
    public const string DefaultUrl = "http://localhost:5000";

    // overrideServices runs after every registration, so a test can replace one (its own IPlaygroundBot, say).
    public static WebApplication Build(IReadOnlyList<string> arguments, CliContext context, Action<IServiceCollection>? overrideServices = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [.. arguments],
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(context.Settings);

        // dotnet run would otherwise pick a port from launch settings or the container default; the README promises 5000.
        var configured = builder.Configuration;
        if (string.IsNullOrEmpty(configured[WebHostDefaults.ServerUrlsKey]) &&
            string.IsNullOrEmpty(configured[WebHostDefaults.HttpPortsKey]) &&
            string.IsNullOrEmpty(configured[WebHostDefaults.HttpsPortsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddFeedbackTelemetry(builder.Configuration);
        builder.Services.AddFeedbackStorage(builder.Configuration);
        builder.Services.AddFeedbackDataProtection();
        builder.Services.AddFeedbackHealthChecks();
        builder.AddInboundLimits();
        builder.Services.AddFeedbackInbox();
        builder.Services.AddOutboxTransport();
        builder.Services.AddFeedbackEmail(builder.Configuration);
        builder.Services.AddFeedbackJobs(builder.Configuration);

        builder.Services.AddFeedbackFeatures(builder.Configuration);
        builder.Services.AddFeedbackConversations();

        builder.Services.AddFeedbackTeams(builder.Configuration);
        builder.Services.AddFeedbackSlack(builder.Configuration);
        builder.Services.AddPlayground(builder.Configuration);
        overrideServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseInboundLimits();
        app.UseMiddleware<DatabaseOutageMiddleware>();
        app.MapFeedbackHealthEndpoints();
        app.MapFeedbackFeatures();
        app.MapTeamsEndpoint();
        app.MapSlackEndpoints();
        app.MapPlayground();
        return app;
    }
}
